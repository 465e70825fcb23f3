package clinic.appointment;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A doctor's, and a patient's, live appointments may not overlap in [date, date + duration). */
@QuarkusTest
class OverlapTest {

    private static final Duration QUARTER = Duration.ofMinutes(15);

    @Test
    void shouldRejectOverlappingAppointmentForSameDoctor() {
        long doctor = createDoctor();
        Instant date = slot();
        createAppointment(doctor, createPatient(), date);
        var problem = assertProblem(json(appointment(doctor, createPatient(), date.plus(QUARTER)))
                .post("/appointments"), 409, "appointment_overlap");
        assertThat(problem.path("detail"), containsString("doctor"));
    }

    @Test
    void shouldRejectOverlappingAppointmentForSamePatientWithAnotherDoctor() {
        long patient = createPatient();
        Instant date = slot();
        createAppointment(createDoctor(), patient, date);
        var problem = assertProblem(json(appointment(createDoctor(), patient, date.minus(QUARTER)))
                .post("/appointments"), 409, "appointment_overlap");
        assertThat(problem.path("detail"), containsString("patient"));
    }

    @Test
    void shouldAllowBackToBackAppointments() {
        long doctor = createDoctor();
        long patient = createPatient();
        Instant date = slot();
        createAppointment(doctor, patient, date);
        createAppointment(doctor, patient, date.plus(Duration.ofMinutes(30)));
        Map<String, Object> before = appointment(doctor, patient, date.minus(Duration.ofMinutes(45)));
        before.put("durationMinutes", 45);
        json(before).post("/appointments").then().statusCode(201);
        given().get("/doctors/" + doctor + "/appointments").then().header("X-Total-Count", "3");
    }

    @Test
    void shouldNotBlockSlotWithCancelledOrNoShowAppointment() {
        long doctor = createDoctor();
        long patient = createPatient();
        Instant date = slot();
        for (String status : new String[] {"cancelled", "noshow"}) {
            long id = createAppointment(doctor, patient, date);
            json(map("status", status)).patch("/appointments/" + id).then().statusCode(200);
        }
        Map<String, Object> cancelled = appointment(doctor, patient, date);
        cancelled.put("status", "cancelled");
        json(cancelled).post("/appointments").then().statusCode(201);
        createAppointment(doctor, patient, date);
    }

    @Test
    void shouldNotBlockSlotWithSoftDeletedAppointmentNorRestoreIntoOverlap() {
        long doctor = createDoctor();
        long patient = createPatient();
        Instant date = slot();
        long deleted = createAppointment(doctor, patient, date);
        delete("/appointments/" + deleted);
        createAppointment(doctor, patient, date);
        assertProblem(given().post("/appointments/" + deleted + "/restore"), 409, "appointment_overlap");
    }

    @Test
    void shouldRejectPatchIntoOverlap() {
        long doctor = createDoctor();
        Instant date = slot();
        long first = createAppointment(doctor, createPatient(), date);
        long later = createAppointment(doctor, createPatient(), date.plus(Duration.ofHours(1)));
        assertProblem(json(map("date", date.plus(QUARTER).toString())).patch("/appointments/" + later),
                409, "appointment_overlap");
        assertProblem(json(map("durationMinutes", 90)).patch("/appointments/" + first),
                409, "appointment_overlap");
        json(map("durationMinutes", 60)).patch("/appointments/" + first).then().statusCode(200);
    }

    @Test
    void shouldRejectReopeningCancelledAppointmentIntoOverlap() {
        long doctor = createDoctor();
        long patient = createPatient();
        Instant date = slot();
        long cancelled = createAppointment(doctor, patient, date);
        json(map("status", "cancelled")).patch("/appointments/" + cancelled).then().statusCode(200);
        createAppointment(doctor, patient, date);
        assertProblem(json(map("status", "booked")).patch("/appointments/" + cancelled), 409, "appointment_overlap");
        given().get("/appointments/" + cancelled).then().body("status", equalTo("cancelled"));
    }
}
