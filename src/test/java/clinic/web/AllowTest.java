package clinic.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static clinic.Api.given;
import static clinic.Fixtures.createAppointment;
import static clinic.Fixtures.createDoctor;
import static clinic.Fixtures.createPatient;
import static clinic.Fixtures.slot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code Allow} is true per path (RFC 9110 §15.5.6, §9.3.7): every documented path × every method, the expected set
 * read from the OpenAPI description; and HEAD answers GET's headers without the body (§9.3.2).
 */
@QuarkusTest
class AllowTest {

    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    // a row no test creates: a method the path allows then answers 404 (or 400), never changes anything
    private static final String NO_ROW = "987654321";

    @Test
    void shouldAnswerTheTrueAllowOfEveryPathForEveryMethod() {
        List<String> wrong = new ArrayList<>();
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        for (var path : paths.entrySet()) {
            Set<String> allowed = new TreeSet<>();
            path.getValue().keySet().forEach(m -> allowed.add(m.toUpperCase()));
            if (allowed.contains("GET")) {
                allowed.add("HEAD");
            }
            allowed.add("OPTIONS");
            String target = path.getKey().replace("{id}", NO_ROW);
            for (String method : METHODS) {
                Response r = given().contentType("application/json").body("{}").request(method, target);
                if (method.equals("OPTIONS")) {
                    if (r.statusCode() >= 300 || !allowed.equals(allow(r))) {
                        wrong.add("OPTIONS " + target + ": " + r.statusCode() + " Allow " + allow(r) + ", not " + allowed);
                    }
                } else if (!allowed.contains(method)) {
                    if (r.statusCode() != 405 || !allowed.equals(allow(r))
                            || !r.contentType().startsWith("application/problem+json")) {
                        wrong.add(method + " " + target + ": " + r.statusCode() + " Allow " + allow(r) + ", not 405 "
                                + allowed);
                    }
                } else if (r.statusCode() == 405) {
                    wrong.add(method + " " + target + ": 405 though the path documents it");
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void shouldAnswerHeadWithTheHeadersOfGetAndNoBody() {
        long doctor = createDoctor();
        long patient = createPatient();
        long appointment = createAppointment(doctor, patient, slot());
        for (String path : List.of("/doctors", "/doctors/" + doctor, "/patients/" + patient + "?include=appointments",
                "/appointments/" + appointment, "/appointments?include=doctor,patient", "/q/openapi")) {
            Response get = given().get(path);
            Response head = given().head(path);
            assertEquals(get.statusCode(), head.statusCode(), path);
            assertEquals(get.contentType(), head.contentType(), path);
            assertEquals(get.header("ETag"), head.header("ETag"), path);
            assertEquals(get.header("X-Total-Count"), head.header("X-Total-Count"), path);
            assertEquals("", head.asString(), path);
        }
    }

    private static Set<String> allow(Response r) {
        String allow = r.header("Allow");
        return allow == null ? Set.of() : Arrays.stream(allow.split(",")).map(String::trim)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
