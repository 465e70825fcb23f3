package clinic.web;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar on SIGTERM: a request in flight (held by a row lock the test owns) still completes,
 * new requests are refused, and the process exits. Runs after `package`, in `./mvnw verify`.
 */
class GracefulShutdownIT {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private EmbeddedPostgres postgres;
    private Process service;
    private String base;

    @BeforeEach
    void startServiceOnItsOwnDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        base = "http://localhost:" + port;
        ProcessBuilder pb = new ProcessBuilder("java", "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(Path.of("target", "graceful-shutdown-it.log").toFile());
        pb.environment().put("QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "postgres"));
        pb.environment().put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        pb.environment().put("QUARKUS_LIQUIBASE_MIGRATE_AT_START", "true");
        pb.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        service = pb.start();
        long deadline = System.currentTimeMillis() + 180_000;
        while (status(get("/q/health/ready")) != 200) {
            assertTrue(service.isAlive() && System.currentTimeMillis() < deadline, "the jar did not start: see target/graceful-shutdown-it.log");
            Thread.sleep(250);
        }
    }

    @AfterEach
    void stopAll() throws IOException {
        service.destroyForcibly();
        postgres.close();
    }

    @Test
    void shouldFinishInFlightRequestsAndRefuseNewOnesOnSigterm() throws Exception {
        String created = send(HttpRequest.newBuilder(URI.create(base + "/doctors")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Dr. Last\",\"email\":\"last@clinic.test\"}")).build()).body();
        long id = Long.parseLong(created.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));

        try (Connection lock = postgres.getDatabase("postgres", "postgres").getConnection()) {
            lock.setAutoCommit(false);
            try (Statement st = lock.createStatement()) {
                st.execute("SELECT * FROM doctors WHERE id = " + id + " FOR UPDATE");
            }
            CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/doctors/" + id))
                    .header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"phone\":\"+1 555 0199\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(1000);
            assertFalse(inFlight.isDone(), "the PATCH should wait for the row lock");

            service.destroy();
            assertTrue(refusedWithin(Duration.ofSeconds(15)), "new requests were still served after SIGTERM");
            assertFalse(inFlight.isDone(), () -> "the in-flight PATCH should still be waiting, got "
                    + inFlight.handle((r, e) -> r != null ? r.statusCode() + " " + r.body() : e.toString()).join());

            lock.rollback();
            HttpResponse<String> finished = inFlight.get(15, TimeUnit.SECONDS);
            assertEquals(200, finished.statusCode(), finished.body());
        }
        assertTrue(service.waitFor(20, TimeUnit.SECONDS), "the service did not exit");
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            var rs = st.executeQuery("SELECT phone FROM doctors WHERE id = " + id);
            assertTrue(rs.next());
            assertEquals("+1 555 0199", rs.getString(1));
        }
    }

    /** Polls until a new request is refused (503, or the connection refused), as the JVM handles the signal. */
    private boolean refusedWithin(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            int status = status(get("/doctors"));
            if (status == 503 || status == -1) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5)).GET().build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The status, or -1 when the connection is refused. */
    private int status(HttpRequest request) throws Exception {
        try {
            return send(request).statusCode();
        } catch (ConnectException e) {
            return -1;
        }
    }
}
