package clinic.web;

import clinic.PackagedJar;
import clinic.security.TestIssuer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar on SIGTERM: readiness goes DOWN while requests are still served (so that a load balancer
 * stops routing here first), a request in flight (held by a row lock the test owns) still completes, new requests
 * are then refused, and the process exits. Runs after `package`, in `./mvnw verify`.
 */
class GracefulShutdownIT {

    private EmbeddedPostgres postgres;
    private TestIssuer issuer;
    private PackagedJar service;
    private String token;

    @BeforeEach
    void startServiceOnItsOwnDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        issuer = TestIssuer.start();
        token = issuer.sign(TestIssuer.claims("admin"));
        service = PackagedJar.start(postgres, Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", issuer.jwksUrl(),
                "MP_JWT_VERIFY_ISSUER", TestIssuer.ISSUER), "graceful-shutdown-it");
    }

    @AfterEach
    void stopAll() throws IOException {
        service.close();
        issuer.close();
        postgres.close();
    }

    @Test
    void shouldFinishInFlightRequestsAndRefuseNewOnesOnSigterm() throws Exception {
        String created = service.send(service.request("/doctors", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Dr. Last\",\"email\":\"last@clinic.test\"}")).build()).body();
        long id = Long.parseLong(created.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));

        try (Connection lock = postgres.getDatabase("postgres", "postgres").getConnection()) {
            lock.setAutoCommit(false);
            try (Statement st = lock.createStatement()) {
                st.execute("SELECT * FROM doctors WHERE id = " + id + " FOR UPDATE");
            }
            CompletableFuture<HttpResponse<String>> inFlight = service.sendAsync(service.request("/doctors/" + id, token)
                    .header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"phone\":\"+1 555 0199\"}")).build());
            Thread.sleep(1000);
            assertFalse(inFlight.isDone(), "the PATCH should wait for the row lock");

            service.process.destroy();
            assertTrue(drainingWithin(Duration.ofSeconds(3)), "readiness did not go DOWN while requests were served");
            assertTrue(refusedWithin(Duration.ofSeconds(15)), "new requests were still served after SIGTERM");
            assertFalse(inFlight.isDone(), () -> "the in-flight PATCH should still be waiting, got "
                    + inFlight.handle((r, e) -> r != null ? r.statusCode() + " " + r.body() : e.toString()).join());

            lock.rollback();
            HttpResponse<String> finished = inFlight.get(15, TimeUnit.SECONDS);
            assertEquals(200, finished.statusCode(), finished.body());
        }
        assertTrue(service.process.waitFor(20, TimeUnit.SECONDS), "the service did not exit");
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            var rs = st.executeQuery("SELECT phone FROM doctors WHERE id = " + id);
            assertTrue(rs.next());
            assertEquals("+1 555 0199", rs.getString(1));
        }
    }

    /** Polls until readiness answers 503 while a request is still served: the shutdown delay, for load balancers. */
    private boolean drainingWithin(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (service.status(service.get("/q/health/ready", null)) == 503) {
                return service.status(service.get("/doctors", token)) == 200;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Polls until a new request is refused (503, or the connection refused), as the JVM handles the signal. */
    private boolean refusedWithin(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            int status = service.status(service.get("/doctors", token));
            if (status == 503 || status == -1) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
