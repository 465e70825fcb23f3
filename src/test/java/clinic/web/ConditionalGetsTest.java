package clinic.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static clinic.Api.given;
import static clinic.Fixtures.createAppointment;
import static clinic.Fixtures.createDoctor;
import static clinic.Fixtures.createPatient;
import static clinic.Fixtures.json;
import static clinic.Fixtures.slot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * If-None-Match on GET and HEAD with weak comparison (RFC 9110 §13.1.2): every row read (alone, with attributes, with
 * includes) × every kind of tag; and a validator that changes whenever the body does, included rows too.
 */
@QuarkusTest
class ConditionalGetsTest {

    @Test
    void shouldAnswer304ExactlyWhenATagMatchesWeakly() {
        long doctor = createDoctor();
        long patient = createPatient();
        long appointment = createAppointment(doctor, patient, slot());
        List<String> wrong = new ArrayList<>();
        for (String path : List.of("/doctors/" + doctor, "/patients/" + patient + "?attributes=name",
                "/appointments/" + appointment, "/appointments/" + appointment + "?include=doctor,patient",
                "/doctors/" + doctor + "?include=appointments.patient")) {
            Response full = given().get(path);
            String etag = full.header("ETag");
            assertNotNull(etag, path);
            String opaque = etag.replaceFirst("^W/", "");
            Map<String, Integer> expected = new LinkedHashMap<>();
            for (String match : List.of(etag, "W/" + opaque, opaque, "\"other\", " + etag, "*")) {
                expected.put(match, 304);
            }
            // a different tag, a bare one and a malformed one never match
            for (String miss : List.of("\"other\"", opaque.replace("\"", ""), opaque.substring(0, opaque.length() - 1))) {
                expected.put(miss, 200);
            }
            for (var tag : expected.entrySet()) {
                for (String method : List.of("GET", "HEAD")) {
                    Response r = given().header("If-None-Match", tag.getKey()).request(method, path);
                    boolean right = r.statusCode() == tag.getValue() && (r.statusCode() == 200
                            ? etag.equals(r.header("ETag")) : r.asString().isEmpty() && etag.equals(r.header("ETag")));
                    if (!right) {
                        wrong.add(method + " " + path + " If-None-Match " + tag.getKey() + ": " + r.statusCode()
                                + " ETag " + r.header("ETag"));
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void shouldChangeTheTagOfARowWithIncludesWhenAnIncludedRowChanges() {
        long doctor = createDoctor();
        long patient = createPatient();
        long appointment = createAppointment(doctor, patient, slot());
        String path = "/appointments/" + appointment + "?include=doctor,patient";
        String before = given().get(path).header("ETag");
        assertTrue(before.startsWith("W/\""), "a row with includes has a weak tag: " + before);
        assertEquals(before, given().get(path).header("ETag"), "the same body, the same tag");

        json(Map.of("name", "Pat Renamed")).patch("/patients/" + patient).then().statusCode(200);

        assertEquals(200, given().header("If-None-Match", before).get(path).statusCode());
        assertNotEquals(before, given().get(path).header("ETag"));
        assertEquals("Pat Renamed", given().get(path).jsonPath().getString("patient.name"));
    }

    @Test
    void shouldChangeTheTagOfARowWhenItChanges() {
        long doctor = createDoctor();
        String before = given().get("/doctors/" + doctor).header("ETag");

        json(Map.of("phone", "+1 555 0199")).patch("/doctors/" + doctor).then().statusCode(200);

        assertEquals(200, given().header("If-None-Match", before).get("/doctors/" + doctor).statusCode());
    }

    @Test
    void shouldAnswer304ToAStarOnAList() {
        createDoctor();
        Response r = given().header("If-None-Match", "*").get("/doctors");
        assertEquals(304, r.statusCode());
        assertEquals("", r.asString());
        assertEquals(200, given().header("If-None-Match", "\"x\"").get("/doctors").statusCode());
    }
}
