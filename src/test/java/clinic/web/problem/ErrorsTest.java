package clinic.web.problem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static clinic.Fixtures.appointment;
import static clinic.Fixtures.assertProblem;
import static clinic.Fixtures.create;
import static clinic.Fixtures.createDoctor;
import static clinic.Fixtures.createPatient;
import static clinic.Fixtures.delete;
import static clinic.Fixtures.doctor;
import static clinic.Fixtures.email;
import static clinic.Fixtures.json;
import static clinic.Fixtures.map;
import static clinic.Fixtures.patient;
import static clinic.Fixtures.slot;
import static clinic.Api.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The Errors table for bodies, ids and rows: every answer is a problem+json that leaks nothing. */
@QuarkusTest
class ErrorsTest {

    @Test
    void shouldRejectMalformedJson() {
        for (String body : List.of("{\"name\": ", "{name: 'x'}", "[1, 2]", "\"text\"", "null", "")) {
            assertProblem(given().contentType(ContentType.JSON).body(body).post("/doctors"), 400, "bad_request");
        }
        long id = createDoctor();
        assertProblem(given().contentType(ContentType.JSON).body("{\"name\": ").patch("/doctors/" + id),
                400, "bad_request");
        assertProblem(given().contentType(ContentType.JSON).body("").patch("/doctors/" + id), 400, "bad_request");
        assertProblem(given().contentType(ContentType.JSON).body("[]").put("/doctors/" + id), 400, "bad_request");
    }

    @Test
    void shouldRejectWrongTypeNamingTheField() {
        Map<String, Object> body = appointment(createDoctor(), createPatient(), slot());
        body.put("durationMinutes", "x");
        var problem = assertProblem(json(body).post("/appointments"), 400, "bad_request");
        assertThat(problem.path("errors[0].field"), equalTo("/durationMinutes"));
        assertThat(problem.path("errors[0].message"), equalTo("must be an integer"));
        body.put("durationMinutes", 30);
        body.put("date", "tomorrow");
        problem = assertProblem(json(body).post("/appointments"), 400, "bad_request");
        assertThat(problem.path("errors[0].field"), equalTo("/date"));
        body.put("date", slot().toString());
        body.put("status", "maybe");
        problem = assertProblem(json(body).post("/appointments"), 400, "bad_request");
        assertThat(problem.path("errors[0].field"), equalTo("/status"));
    }

    @Test
    void shouldTakeJsonTypesAsWrittenWithoutSilentConversion() {
        Map<String, Object> body = appointment(createDoctor(), createPatient(), slot());
        body.put("durationMinutes", 30.5);
        assertThat(assertProblem(json(body).post("/appointments"), 400, "bad_request").path("errors[0].field"),
                equalTo("/durationMinutes"));
        body.put("durationMinutes", "30");
        assertProblem(json(body).post("/appointments"), 400, "bad_request");
        Map<String, Object> doctor = doctor(email("dr"));
        doctor.put("name", 123);
        assertThat(assertProblem(json(doctor).post("/doctors"), 400, "bad_request").path("errors[0].field"),
                equalTo("/name"));
    }

    @Test
    void shouldRejectUnknownBodyFieldNamingTheAllowedOnes() {
        Map<String, Object> body = doctor(email("dr"));
        body.put("nmae", "typo");
        var problem = assertProblem(json(body).post("/doctors"), 400, "bad_request");
        assertThat(problem.path("errors[0].field"), equalTo("/nmae"));
        assertThat(problem.path("detail"), allOf(containsString("nmae"), containsString("name"),
                containsString("email"), containsString("specialty")));
        long id = createDoctor();
        assertProblem(json(map("nmae", "typo")).patch("/doctors/" + id), 400, "bad_request");
        assertProblem(json(map("birthDate", "2000-01-01")).patch("/doctors/" + id), 400, "bad_request");
    }

    @Test
    void shouldRejectNonNumericId() {
        for (String path : List.of("/doctors/abc", "/patients/1x", "/appointments/-1", "/doctors/abc/patients",
                "/patients/abc/doctors")) {
            var problem = assertProblem(given().get(path), 400, "bad_request");
            assertThat(problem.path("errors[0].field"), equalTo("id"));
        }
        assertProblem(json(map("name", "x")).patch("/doctors/abc"), 400, "bad_request");
        assertProblem(given().delete("/appointments/abc"), 400, "bad_request");
        assertProblem(given().post("/patients/abc/restore"), 400, "bad_request");
    }

    @Test
    void shouldRejectInvalidFieldsWithTheirPointers() {
        var problem = assertProblem(json(map("name", "   ", "email", "not-an-email")).post("/doctors"),
                400, "validation");
        assertThat(problem.path("errors.field"), equalTo(List.of("/email", "/name")));
        problem = assertProblem(json(map("email", email("p"))).post("/patients"), 400, "validation");
        assertThat(problem.path("errors.field"), equalTo(List.of("/name")));
        long id = createDoctor();
        problem = assertProblem(json(map("email", "a@b")).patch("/doctors/" + id), 400, "validation");
        assertThat(problem.path("errors[0].field"), equalTo("/email"));
        problem = assertProblem(json(map("name", "x".repeat(256))).patch("/doctors/" + id), 400, "validation");
        assertThat(problem.path("errors[0].field"), equalTo("/name"));
    }

    @Test
    void shouldAnswerNotFoundForMissingRows() {
        for (String res : List.of("/doctors", "/patients", "/appointments")) {
            assertProblem(given().get(res + "/999999999"), 404, "not_found");
            assertProblem(json(map("reason", "x")).patch(res + "/999999999"), 404, "not_found");
            assertProblem(given().delete(res + "/999999999"), 404, "not_found");
        }
        assertProblem(json(doctor(email("dr"))).put("/doctors/999999999"), 404, "not_found");
        assertProblem(given().get("/no-such-thing"), 404, "not_found");
    }

    @Test
    void shouldRejectDuplicateEmailIgnoringCase() {
        String email = email("ann");
        create("/doctors", doctor(email.toUpperCase()));
        var problem = assertProblem(json(doctor(email)).post("/doctors"), 409, "unique_violation");
        assertThat(problem.path("errors[0].field"), equalTo("/email"));
        long other = createDoctor();
        assertProblem(json(map("email", email)).patch("/doctors/" + other), 409, "unique_violation");
        create("/patients", patient(email));
        assertProblem(json(patient(email.toUpperCase())).post("/patients"), 409, "unique_violation");
    }

    @Test
    void shouldAllowEmailAgainAfterSoftDelete() {
        String email = email("again");
        long first = create("/doctors", doctor(email));
        delete("/doctors/" + first);
        create("/doctors", doctor(email));
        assertProblem(given().post("/doctors/" + first + "/restore"), 409, "unique_violation");
    }

    @Test
    void shouldRejectUnsupportedMediaTypeAndMethod() {
        assertProblem(given().contentType(ContentType.TEXT).body("name=x").post("/doctors"), 415,
                "unsupported_media_type");
        assertProblem(given().delete("/doctors"), 405, "method_not_allowed");
    }
}
