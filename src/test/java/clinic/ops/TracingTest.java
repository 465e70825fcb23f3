package clinic.ops;

import clinic.LogLines;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static clinic.Api.given;
import static clinic.Fixtures.createDoctor;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT set, each request is exported as a server span with the JDBC spans of its
 * SQL, and its log lines name the trace that was exported. The collector here is a loopback HTTP server taking
 * OTLP over http/protobuf; protobuf keeps strings as UTF-8 and ids as raw bytes, so both can be found in a payload.
 * It is started by the profile, in the class loader that starts Quarkus, and this test runs in Quarkus's own: so it
 * keeps what it receives in a file, which both see.
 */
@QuarkusTest
@TestProfile(TracingTest.WithCollector.class)
class TracingTest {

    static final Path RECEIVED = Path.of("target/otlp-received.bin");

    public static class WithCollector implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.exporter.otlp.endpoint", "http://localhost:" + Collector.start(),
                    "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                    "quarkus.otel.bsp.schedule.delay", "100ms");
        }
    }

    @Test
    void shouldExportServerAndJdbcSpansOfARequestAndNameItsTraceInTheLog() throws Exception {
        long doctor = createDoctor();
        String traceId;
        try (LogLines log = LogLines.listen()) {
            given().header("X-Request-Id", "traced-1").get("/doctors/" + doctor).then().statusCode(200);
            String line = log.matching("requestId=traced-1 ").stream().filter(l -> l.contains("GET /doctors/"))
                    .findFirst().orElseThrow();
            Matcher m = Pattern.compile("traceId=([0-9a-f]{32}) spanId=[0-9a-f]{16} ").matcher(line);
            assertTrue(m.find(), line);
            traceId = m.group(1);
        }
        byte[] traceBytes = HexFormat.of().parseHex(traceId);
        // the server span, named by its route template, and the JDBC span of its SELECT
        awaitExported(traceBytes, "GET /doctors/{id}", "SELECT postgres.doctors");
    }

    /** Every OTLP payload the collector was sent, as text (ISO-8859-1, so the raw id bytes survive). */
    private static void awaitExported(byte[] traceId, String... spanNames) throws Exception {
        List<String> expected = new ArrayList<>(List.of(spanNames));
        expected.add(new String(traceId, StandardCharsets.ISO_8859_1));
        for (int i = 0; i < 100; i++) {
            String all = Files.exists(RECEIVED) ? new String(Files.readAllBytes(RECEIVED), StandardCharsets.ISO_8859_1)
                    : "";
            if (expected.stream().allMatch(all::contains)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("trace " + HexFormat.of().formatHex(traceId) + " with " + List.of(spanNames)
                + " was never exported");
    }

    /** An OTLP/HTTP collector that appends each payload to {@link #RECEIVED}. */
    static final class Collector {
        private static HttpServer server;

        static synchronized int start() {
            try {
                if (server == null) {
                    Files.createDirectories(RECEIVED.getParent());
                    Files.deleteIfExists(RECEIVED);
                    server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
                    server.createContext("/", exchange -> {
                        byte[] body = exchange.getRequestBody().readAllBytes();
                        synchronized (Collector.class) {
                            Files.write(RECEIVED, body, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                        }
                        exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                        exchange.sendResponseHeaders(200, -1);
                        exchange.close();
                    });
                    server.start();
                }
                return server.getAddress().getPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
