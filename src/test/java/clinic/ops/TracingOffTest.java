package clinic.ops;

import clinic.LogLines;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static clinic.Api.given;
import static clinic.Fixtures.createDoctor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without an OTLP endpoint nothing is traced or exported, and nothing complains about a missing collector. */
@QuarkusTest
class TracingOffTest {

    @Test
    void shouldNotTraceOrComplainWithoutAnEndpoint() throws Exception {
        assertEquals(Boolean.TRUE, ConfigProvider.getConfig().getValue("quarkus.otel.sdk.disabled", Boolean.class));
        try (LogLines log = LogLines.listen()) {
            given().header("X-Request-Id", "untraced-1").get("/doctors/" + createDoctor()).then().statusCode(200);
            String line = log.matching("requestId=untraced-1 ").get(0);
            assertTrue(line.contains("traceId= spanId= "), line);
            Thread.sleep(500); // a batch exporter would have tried by now
            assertTrue(log.all().stream().noneMatch(l -> l.matches("(?s).*(WARN|ERROR).*|.*(?i)export.*")),
                    String.join("\n", log.all()));
        }
    }
}
