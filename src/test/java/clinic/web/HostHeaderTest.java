package clinic.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static clinic.Api.given;
import static clinic.Fixtures.appointment;
import static clinic.Fixtures.createDoctor;
import static clinic.Fixtures.createPatient;
import static clinic.Fixtures.doctor;
import static clinic.Fixtures.email;
import static clinic.Fixtures.patient;
import static clinic.Fixtures.slot;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Location and Link never come from what the client says about the host: for every resource and each way of
 * claiming another host (Host, X-Forwarded-*, Forwarded), they are path-absolute references to this service.
 */
@QuarkusTest
class HostHeaderTest {

    private static final List<Map<String, String>> CLAIMS = List.of(Map.of(), Map.of("Host", "evil.example"),
            Map.of("Host", "evil.example:8443"), Map.of("X-Forwarded-Host", "evil.example", "X-Forwarded-Proto",
                    "https", "X-Forwarded-Port", "8443", "X-Forwarded-Prefix", "/evil"),
            Map.of("Forwarded", "for=1.2.3.4;host=evil.example;proto=https"));
    private static final Pattern TARGET = Pattern.compile("<([^>]*)>");

    @Test
    void shouldAnswerPathAbsoluteLocationAndLinksWhateverHostIsClaimed() {
        List<String> failures = new ArrayList<>();
        for (Map<String, String> claim : CLAIMS) {
            for (String resource : List.of("doctors", "patients", "appointments")) {
                Response created = claiming(claim).contentType("application/json").body(body(resource))
                        .post("/" + resource);
                String expected = "/" + resource + "/" + created.path("id");
                if (created.statusCode() != 201 || !expected.equals(created.header("Location"))) {
                    failures.add(claim + " POST /" + resource + ": " + created.statusCode() + " Location "
                            + created.header("Location"));
                }
                String link = claiming(claim).queryParam("limit", 1).queryParam("offset", 1).get("/" + resource)
                        .header("Link");
                Matcher m = TARGET.matcher(link == null ? "" : link);
                int targets = 0;
                while (m.find()) {
                    targets++;
                    if (!m.group(1).startsWith("/" + resource + "?")) {
                        failures.add(claim + " GET /" + resource + ": Link " + link);
                    }
                }
                if (targets < 2) {
                    failures.add(claim + " GET /" + resource + ": Link " + link);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static RequestSpecification claiming(Map<String, String> headers) {
        RequestSpecification request = given();
        headers.forEach(request::header);
        return request;
    }

    private static Map<String, Object> body(String resource) {
        return switch (resource) {
            case "doctors" -> doctor(email("dr"));
            case "patients" -> patient(email("pt"));
            default -> appointment(createDoctor(), createPatient(), slot());
        };
    }
}
