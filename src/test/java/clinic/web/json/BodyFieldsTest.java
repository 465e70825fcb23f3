package clinic.web.json;

import clinic.appointment.Appointment;
import clinic.doctor.Doctor;
import clinic.model.Model;
import clinic.model.ModelInfo;
import clinic.patient.Patient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static clinic.Api.given;
import static clinic.Fixtures.appointment;
import static clinic.Fixtures.assertProblem;
import static clinic.Fixtures.create;
import static clinic.Fixtures.createDoctor;
import static clinic.Fixtures.createPatient;
import static clinic.Fixtures.doctor;
import static clinic.Fixtures.email;
import static clinic.Fixtures.json;
import static clinic.Fixtures.map;
import static clinic.Fixtures.patient;
import static clinic.Fixtures.slot;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing a body holds is silently dropped. For every model, method and field name its metadata knows: row
 * metadata is ignored, an association is a 400 naming it (and changes nothing; a new patient's appointments are a
 * nested create), and the derived endsAt is taken only when it equals date + durationMinutes.
 */
@QuarkusTest
class BodyFieldsTest {

    private static final Map<Class<? extends Model>, String> PATHS = Map.of(Doctor.class, "doctors",
            Patient.class, "patients", Appointment.class, "appointments");
    /** API.md: ignored in a body. */
    private static final List<String> ROW_METADATA = List.of("id", "createdAt", "updatedAt", "deletedAt", "version");
    private static final List<Object> VALUES = List.of(Map.of(), Map.of("id", 1), List.of(), List.of(Map.of()), 42,
            "x", true);

    @Test
    void shouldRefuseEveryAssociationInEveryBodyNamingIt() {
        List<String> failures = new ArrayList<>();
        for (var model : PATHS.entrySet()) {
            String resource = model.getValue();
            long id = create("/" + resource, valid(resource));
            for (String association : ModelInfo.of(model.getKey()).associations().keySet()) {
                for (Object value : VALUES) {
                    for (String method : List.of("POST", "PATCH", "PUT")) {
                        if (method.equals("POST") && model.getKey() == Patient.class
                                && association.equals("appointments")) {
                            continue; // a nested create: patient/NestedCreateResourceTest
                        }
                        Map<String, Object> body = valid(resource);
                        body.put(association, value);
                        String path = "/" + resource + (method.equals("POST") ? "" : "/" + id);
                        Response r = json(body).request(method, path);
                        if (r.statusCode() != 400 || !("/" + association).equals(r.path("errors[0].field"))) {
                            failures.add(method + " " + path + " with " + association + "=" + value + ": "
                                    + r.statusCode() + " " + r.asString());
                        }
                    }
                }
            }
            given().get("/" + resource + "/" + id).then().statusCode(200).body("version", equalTo(0));
        }
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    }

    @Test
    void shouldIgnoreRowMetadataInEveryBody() {
        for (var model : PATHS.entrySet()) {
            String resource = model.getValue();
            for (String field : ROW_METADATA) {
                assertTrue(ModelInfo.of(model.getKey()).attributes().containsKey(field), field);
                for (Object value : List.of(999_999_999, "2001-01-01T00:00:00Z", "x")) {
                    Map<String, Object> body = valid(resource);
                    body.put(field, value);
                    Response created = json(body).post("/" + resource);
                    assertEquals(201, created.statusCode(), resource + " " + field + "=" + value);
                    assertThat(created.path("version"), equalTo(0));
                    assertThat(created.path("deletedAt"), equalTo(null));
                    long id = created.jsonPath().getLong("id");
                    assertTrue(id != 999_999_999L);
                    Map<String, Object> change = map(field, value);
                    json(change).patch("/" + resource + "/" + id).then().statusCode(200).body("version", equalTo(0));
                    json(valid(resource)).put("/" + resource + "/" + id).then().statusCode(200)
                            .body("id", equalTo((int) id)).body("version", equalTo(1));
                }
            }
        }
    }

    @Test
    void shouldTakeEndsAtOnlyWhenItEqualsDatePlusDuration() {
        Instant date = slot();
        Map<String, Object> body = appointment(createDoctor(), createPatient(), date);
        for (Object wrong : List.of(date.plus(Duration.ofHours(8)).toString(), date.toString(), 1_700_000_000, "x",
                true)) {
            body.put("endsAt", wrong);
            expectEndsAtRefused(() -> json(body).post("/appointments"));
        }
        String sameInstant = date.plus(Duration.ofMinutes(30)).atOffset(ZoneOffset.ofHours(2)).toString();
        body.put("endsAt", sameInstant);
        long id = json(body).post("/appointments").then().statusCode(201)
                .body("endsAt", equalTo(date.plus(Duration.ofMinutes(30)).toString()))
                .extract().jsonPath().getLong("id");
        String path = "/appointments/" + id;
        json(map("durationMinutes", 60, "endsAt", date.plus(Duration.ofHours(1)).toString())).patch(path)
                .then().statusCode(200).body("durationMinutes", equalTo(60));
        json(map("endsAt", date.plus(Duration.ofHours(1)).toString())).patch(path).then().statusCode(200);
        expectEndsAtRefused(() -> json(map("endsAt", date.plus(Duration.ofHours(8)).toString())).patch(path));
        expectEndsAtRefused(() -> json(map("durationMinutes", 45, "endsAt", date.plus(Duration.ofHours(1))
                .toString())).patch(path));
        body.put("endsAt", date.plus(Duration.ofHours(2)).toString());
        expectEndsAtRefused(() -> json(body).put(path));
        given().get(path).then().statusCode(200).body("durationMinutes", equalTo(60)).body("version", equalTo(1));
    }

    private static void expectEndsAtRefused(Supplier<Response> request) {
        var problem = assertProblem(request.get(), 400, "bad_request");
        assertThat(problem.path("errors[0].field"), equalTo("/endsAt"));
    }

    private static Map<String, Object> valid(String resource) {
        return switch (resource) {
            case "doctors" -> doctor(email("dr"));
            case "patients" -> patient(email("pt"));
            default -> appointment(createDoctor(), createPatient(), slot());
        };
    }
}
