package clinic.tried;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static clinic.Api.anonymous;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document this instance serves, linted as API tooling would: Spectral's {@code spectral:oas} and
 * Redocly's {@code recommended} rulesets (openapi/.spectral.yaml, openapi/redocly.yaml) find no error and no warning.
 */
@QuarkusTest
class OpenApiLintTest {

    private static final Path DOCUMENT = Path.of("target/openapi/clinic.json");

    @Test
    void shouldPassSpectralOasWithNoErrorOrWarning() throws Exception {
        Tools.requireLinters();
        String out = run(Tools.SPECTRAL.toString(), "lint", "--ruleset", "openapi/.spectral.yaml", "--format", "json",
                "--quiet", document().toString());
        List<String> problems = new ArrayList<>();
        for (JsonNode r : new ObjectMapper().readTree(out.substring(out.indexOf('[')))) {
            if (r.get("severity").asInt() <= 1) { // 0 error, 1 warning
                problems.add(r.get("code").asText() + " at " + r.get("path") + ": " + r.get("message").asText());
            }
        }
        assertEquals(List.of(), problems, "Spectral spectral:oas");
    }

    @Test
    void shouldPassRedoclyRecommendedWithNoErrorOrWarning() throws Exception {
        Tools.requireLinters();
        String out = run(Tools.REDOCLY.toString(), "lint", "--config", "openapi/redocly.yaml", "--format", "json",
                document().toString());
        JsonNode report = new ObjectMapper().readTree(out.substring(out.indexOf('{')));
        List<String> problems = new ArrayList<>();
        for (JsonNode p : report.get("problems")) {
            problems.add(p.get("severity").asText() + " " + p.get("ruleId").asText() + " at "
                    + p.path("location").path(0).path("pointer").asText() + ": " + p.get("message").asText());
        }
        assertEquals(List.of(), problems, "Redocly recommended");
    }

    private static Path document() throws Exception {
        String json = anonymous().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        Files.createDirectories(DOCUMENT.getParent());
        Files.writeString(DOCUMENT, json);
        return DOCUMENT;
    }

    private static String run(String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        builder.redirectError(ProcessBuilder.Redirect.appendTo(new File("target/openapi/lint.log")));
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), String.join(" ", command) + " did not finish");
        return out;
    }
}
