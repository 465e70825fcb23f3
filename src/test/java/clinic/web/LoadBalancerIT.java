package clinic.web;

import clinic.PackagedJar;
import clinic.security.TestIssuer;
import clinic.tried.Tools;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The load-balancer drill: Debian's haproxy, health-checking /q/health/ready, in front of two packaged jars; under a
 * steady load of reads and writes, one instance gets SIGTERM and not one request fails. Runs after `package`.
 */
class LoadBalancerIT {

    private static final String CONFIG = """
            defaults
                mode http
                timeout connect 3s
                timeout client 30s
                timeout server 30s
                timeout check 5s
                retries 3
                option redispatch
            frontend clinic
                bind 127.0.0.1:%d
                default_backend instances
            backend instances
                balance roundrobin
                option httpchk GET /q/health/ready
                http-check expect status 200
                default-server check inter 500ms fall 2 rise 2
                server a %s
                server b %s
            """;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private EmbeddedPostgres postgres;
    private TestIssuer issuer;
    private PackagedJar a;
    private PackagedJar b;
    private Process haproxy;
    private String front;
    private String token;

    @BeforeEach
    void startTwoInstancesBehindHaproxy() throws Exception {
        Path program = Tools.requireHaproxy();
        postgres = EmbeddedPostgres.builder().start();
        issuer = TestIssuer.start();
        token = issuer.sign(TestIssuer.claims("admin"));
        Map<String, String> env = Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", issuer.jwksUrl(),
                "MP_JWT_VERIFY_ISSUER", TestIssuer.ISSUER);
        a = PackagedJar.start(postgres, env, "load-balancer-it-a");
        b = PackagedJar.start(postgres, env, "load-balancer-it-b");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path config = Path.of("target", "load-balancer-it.cfg");
        Files.writeString(config, CONFIG.formatted(port, hostPort(a), hostPort(b)));
        haproxy = new ProcessBuilder(program.toString(), "-db", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "load-balancer-it-haproxy.log").toFile()).start();
        front = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (send(get("/doctors")) != 200) {
            assertTrue(System.nanoTime() < deadline && haproxy.isAlive(), "haproxy did not start: see target/load-balancer-it-haproxy.log");
            Thread.sleep(200);
        }
    }

    /** Whatever started: the set-up stops early when haproxy is missing. */
    @AfterEach
    void stopAll() throws IOException {
        if (haproxy != null) {
            haproxy.destroyForcibly();
        }
        Stream.of(a, b).filter(Objects::nonNull).forEach(PackagedJar::close);
        if (issuer != null) {
            issuer.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void shouldLoseNoRequestWhenAnInstanceIsStoppedUnderLoad() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger served = new AtomicInteger();
        AtomicInteger sequence = new AtomicInteger();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        List<Thread> clients = List.of(1, 2, 3, 4).stream().map(n -> new Thread(() -> {
            while (running.get()) {
                int i = sequence.incrementAndGet();
                HttpRequest request = i % 2 == 0 ? get("/doctors?limit=5") : post("/patients",
                        "{\"name\":\"Patient " + i + "\",\"email\":\"lb-" + i + "@clinic.test\"}");
                int status = send(request);
                if (status == 200 || status == 201) {
                    served.incrementAndGet();
                } else {
                    failures.add(request.method() + " " + request.uri().getPath() + ": " + status);
                }
            }
        })).toList();
        clients.forEach(Thread::start);

        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (requestsServed(a) < 20 || requestsServed(b) < 20) {
            assertTrue(System.nanoTime() < deadline, "the load did not reach both instances: " + failures);
            Thread.sleep(200);
        }
        a.process.destroy();
        assertTrue(a.process.waitFor(60, TimeUnit.SECONDS), "instance a did not exit after SIGTERM");
        int atExit = served.get();
        Thread.sleep(2000);
        running.set(false);
        for (Thread client : clients) {
            client.join(30_000);
        }

        assertEquals(List.of(), List.copyOf(failures), "requests failed through haproxy (" + served + " served)");
        assertTrue(served.get() - atExit > 10, (served.get() - atExit) + " served after a exited");
    }

    /** Requests of the load the instance answered, from its access log. */
    private static long requestsServed(PackagedJar instance) throws Exception {
        return Files.readAllLines(instance.log).stream()
                .filter(l -> l.contains("access-log") && (l.contains(" /doctors") || l.contains(" /patients"))).count();
    }

    private static String hostPort(PackagedJar instance) {
        return instance.base.replace("http://localhost", "127.0.0.1");
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(front + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).GET().build();
    }

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(front + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The status, or -1 for a request that got no answer (refused, reset, timed out). */
    private int send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
