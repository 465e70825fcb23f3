package clinic;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The packaged jar (target/quarkus-app), started in prod mode as an operator would, configured by environment. */
public final class PackagedJar implements AutoCloseable {

    public final Process process;
    public final String base;
    public final Path log;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private PackagedJar(Process process, String base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /** Starts the jar on a free port with the database's settings and {@code env}; does not wait for it. */
    public static PackagedJar launch(EmbeddedPostgres db, Map<String, String> env, String logName) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Path.of("target", logName + ".log");
        ProcessBuilder pb = new ProcessBuilder("java", "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("QUARKUS_DATASOURCE_JDBC_URL", db.getJdbcUrl("postgres", "postgres"));
        pb.environment().put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        pb.environment().put("QUARKUS_LIQUIBASE_MIGRATE_AT_START", "true");
        pb.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        pb.environment().putAll(env);
        return new PackagedJar(pb.start(), "http://localhost:" + port, log);
    }

    /** Starts the jar and waits until it is ready, failing if it exits or takes over three minutes. */
    public static PackagedJar start(EmbeddedPostgres db, Map<String, String> env, String logName) throws Exception {
        return launch(db, env, logName).awaitReady(Duration.ofMinutes(3));
    }

    /** Waits until the jar is ready, failing (and stopping it) if it exits or takes longer than {@code timeout}. */
    public PackagedJar awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (status(get("/q/health/ready", null)) != 200) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("the jar was not ready within " + timeout + ": see " + log);
            }
            Thread.sleep(250);
        }
        return this;
    }

    public HttpRequest get(String path, String token) {
        return request(path, token).GET().build();
    }

    /** A request to the jar, with a bearer token unless it is null. */
    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public java.util.concurrent.CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The status, or -1 when the connection is refused. */
    public int status(HttpRequest request) throws IOException, InterruptedException {
        try {
            return send(request).statusCode();
        } catch (ConnectException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
