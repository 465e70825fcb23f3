package clinic.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static clinic.Api.anonymous;
import static clinic.Api.given;
import static clinic.Fixtures.createDoctor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy/grafana/clinic.json only draws series that /q/metrics really serves: a renamed metric breaks this test. */
@QuarkusTest
class DashboardTest {

    private static final Pattern SERIES = Pattern.compile("\\b((?:clinic|http|agroal|hibernate|jvm|process|system)_\\w+)");

    @Test
    void shouldQueryOnlySeriesThatTheServiceExports() throws Exception {
        given().get("/doctors/" + createDoctor()).then().statusCode(200);
        anonymous().get("/doctors").then().statusCode(401);
        System.gc(); // so the GC pause timer has a sample
        String metrics = anonymous().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        Set<String> served = new TreeSet<>();
        Matcher line = Pattern.compile("(?m)^(\\w+)[{ ]").matcher(metrics);
        while (line.find()) {
            served.add(line.group(1));
        }
        Set<String> queried = new TreeSet<>();
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("deploy/grafana/clinic.json").toFile());
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher m = SERIES.matcher(target.get("expr").asText());
                while (m.find()) {
                    queried.add(m.group(1));
                }
            }
        }
        assertTrue(queried.size() > 15, queried.toString());
        Set<String> missing = new TreeSet<>(queried);
        missing.removeAll(served);
        assertEquals(Set.of(), missing, "queried by the dashboard but not served");
    }
}
