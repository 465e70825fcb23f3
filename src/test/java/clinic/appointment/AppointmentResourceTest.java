package clinic.appointment;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static clinic.Fixtures.appointment;
import static clinic.Fixtures.assertProblem;
import static clinic.Fixtures.createAppointment;
import static clinic.Fixtures.createDoctor;
import static clinic.Fixtures.createPatient;
import static clinic.Fixtures.delete;
import static clinic.Fixtures.json;
import static clinic.Fixtures.map;
import static clinic.Fixtures.slot;
import static clinic.Api.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** /appointments: defaults, belongsTo includes, references that must exist, history kept after deletes. */
@QuarkusTest
class AppointmentResourceTest {

    @Test
    void shouldCreateAppointmentWithDefaults() {
        long doctor = createDoctor();
        long patient = createPatient();
        Instant date = slot();
        var created = json(appointment(doctor, patient, date)).post("/appointments").then().statusCode(201)
                .body("date", equalTo(date.toString()), "durationMinutes", equalTo(30), "status", equalTo("booked"),
                        "endsAt", equalTo(date.plusSeconds(1800).toString()), "doctorId", equalTo((int) doctor),
                        "patientId", equalTo((int) patient), "version", equalTo(0))
                .extract();
        int id = created.path("id");
        assertThat(created.header("Location"), equalTo("/appointments/" + id));
        given().get("/appointments/" + id).then().statusCode(200).header("ETag", "\"0\"");
    }

    @Test
    void shouldAcceptDateWithOffsetAndAnswerUtc() {
        Map<String, Object> body = appointment(createDoctor(), createPatient(), slot());
        body.put("date", "2100-06-01T10:00:00+01:00");
        json(body).post("/appointments").then().statusCode(201)
                .body("date", equalTo("2100-06-01T09:00:00Z"), "endsAt", equalTo("2100-06-01T09:30:00Z"));
    }

    @Test
    void shouldIncludeDoctorAndPatient() {
        long doctor = createDoctor();
        long patient = createPatient();
        long id = createAppointment(doctor, patient, slot());
        given().get("/appointments/" + id + "?include=doctor,patient").then().statusCode(200)
                .body("doctor.id", equalTo((int) doctor), "doctor.name", equalTo("Dr. Test"),
                        "patient.id", equalTo((int) patient), "patient.birthDate", equalTo("1984-03-01"));
        given().get("/appointments?where[doctorId]=" + doctor + "&include=patient&attributes=date").then()
                .statusCode(200).body("[0].id", equalTo((int) id), "[0].patient.id", equalTo((int) patient),
                        "[0].doctorId", nullValue());
    }

    @Test
    void shouldCancelAnAppointmentOfADeletedDoctor() {
        long doctor = createDoctor();
        long id = createAppointment(doctor, createPatient(), slot());
        delete("/doctors/" + doctor);
        json(map("status", "cancelled")).patch("/appointments/" + id).then().statusCode(200)
                .body("status", equalTo("cancelled"));
    }

    @Test
    void shouldKeepAppointmentsReadableAfterDoctorIsDeleted() {
        long doctor = createDoctor();
        long patient = createPatient();
        long id = createAppointment(doctor, patient, slot());
        delete("/doctors/" + doctor);
        given().get("/appointments/" + id).then().statusCode(200).body("doctorId", equalTo((int) doctor));
        given().get("/appointments/" + id + "?include=doctor").then().statusCode(200)
                .body("doctor.id", equalTo((int) doctor), "doctor.deletedAt", notNullValue());
        given().get("/patients/" + patient + "/appointments?include=doctor").then().statusCode(200)
                .body("[0].id", equalTo((int) id), "[0].doctor.deletedAt", notNullValue());
        given().get("/patients/" + patient + "/doctors").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void shouldPatchStatusOnly() {
        Instant date = slot();
        long id = createAppointment(createDoctor(), createPatient(), date);
        json(map("status", "arrived")).patch("/appointments/" + id).then().statusCode(200)
                .body("status", equalTo("arrived"), "reason", equalTo("Check-up"), "date", equalTo(date.toString()),
                        "version", equalTo(1));
    }

    @Test
    void shouldReplaceAppointmentOnPutWithDefaultsForAbsentFields() {
        long doctor = createDoctor();
        long patient = createPatient();
        long id = createAppointment(doctor, patient, slot());
        json(map("durationMinutes", 60, "status", "arrived")).patch("/appointments/" + id).then().statusCode(200);
        Instant moved = slot();
        json(map("date", moved.toString(), "doctorId", doctor, "patientId", patient)).put("/appointments/" + id)
                .then().statusCode(200)
                .body("date", equalTo(moved.toString()), "durationMinutes", equalTo(30), "status", equalTo("booked"),
                        "reason", nullValue(), "endsAt", equalTo(moved.plusSeconds(1800).toString()));
        var problem = assertProblem(json(map("reason", "only")).put("/appointments/" + id), 400, "validation");
        assertThat(problem.path("errors.field"), hasItem("/date"));
        assertThat(problem.path("errors.field"), hasItem("/doctorId"));
    }

    @Test
    void shouldRejectDurationOutOfRange() {
        long doctor = createDoctor();
        long patient = createPatient();
        for (int minutes : new int[] {4, 481}) {
            Map<String, Object> body = appointment(doctor, patient, slot());
            body.put("durationMinutes", minutes);
            var problem = assertProblem(json(body).post("/appointments"), 400, "validation");
            assertThat(problem.path("errors[0].field"), equalTo("/durationMinutes"));
        }
        for (int minutes : new int[] {5, 480}) {
            Map<String, Object> body = appointment(doctor, patient, slot());
            body.put("durationMinutes", minutes);
            json(body).post("/appointments").then().statusCode(201).body("durationMinutes", equalTo(minutes));
        }
    }

    @Test
    void shouldRejectMissingReferences() {
        long doctor = createDoctor();
        long patient = createPatient();
        var problem = assertProblem(json(appointment(999_999_999, patient, slot())).post("/appointments"),
                422, "missing_reference");
        assertThat(problem.path("errors[0].field"), equalTo("/doctorId"));
        problem = assertProblem(json(appointment(doctor, 999_999_999, slot())).post("/appointments"),
                422, "missing_reference");
        assertThat(problem.path("errors[0].field"), equalTo("/patientId"));
    }

    @Test
    void shouldRejectSoftDeletedReferences() {
        long doctor = createDoctor();
        long patient = createPatient();
        long deletedDoctor = createDoctor();
        long deletedPatient = createPatient();
        delete("/doctors/" + deletedDoctor);
        delete("/patients/" + deletedPatient);
        var problem = assertProblem(json(appointment(deletedDoctor, patient, slot())).post("/appointments"),
                422, "missing_reference");
        assertThat(problem.path("errors[0].field"), equalTo("/doctorId"));
        problem = assertProblem(json(appointment(doctor, deletedPatient, slot())).post("/appointments"),
                422, "missing_reference");
        assertThat(problem.path("errors[0].field"), equalTo("/patientId"));
        long id = createAppointment(doctor, patient, slot());
        problem = assertProblem(json(map("doctorId", deletedDoctor)).patch("/appointments/" + id),
                422, "missing_reference");
        assertThat(problem.path("errors[0].field"), equalTo("/doctorId"));
    }

    @Test
    void shouldSoftDeleteRestoreAndForceDeleteAppointment() {
        long id = createAppointment(createDoctor(), createPatient(), slot());
        delete("/appointments/" + id);
        assertProblem(given().get("/appointments/" + id), 404, "not_found");
        given().post("/appointments/" + id + "/restore").then().statusCode(200).body("deletedAt", nullValue());
        delete("/appointments/" + id + "?force=true");
        given().get("/appointments/" + id + "?paranoid=false").then().statusCode(404);
    }
}
