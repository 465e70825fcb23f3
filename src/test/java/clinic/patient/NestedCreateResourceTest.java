package clinic.patient;

import clinic.Api;
import clinic.Tokens;
import clinic.audit.AuditEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static clinic.Api.given;
import static clinic.Fixtures.assertProblem;
import static clinic.Fixtures.createAppointment;
import static clinic.Fixtures.createDoctor;
import static clinic.Fixtures.createPatient;
import static clinic.Fixtures.email;
import static clinic.Fixtures.map;
import static clinic.Fixtures.patient;
import static clinic.Fixtures.slot;
import static clinic.model.Where.where;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code POST /patients} with an {@code appointments} array: the patient and the bookings, all or nothing. */
@QuarkusTest
class NestedCreateResourceTest {

    @Test
    void shouldCreateThePatientAndTheBookingsInOneRequest() {
        long doctor = createDoctor();
        Instant t = slot();
        String requestId = UUID.randomUUID().toString();
        Response r = post(Api.given().header("X-Request-Id", requestId), withBookings(
                booking(doctor, t), booking(doctor, t.plus(Duration.ofHours(1)))));
        r.then().statusCode(201);
        long id = r.jsonPath().getLong("id");
        assertEquals("/patients/" + id, java.net.URI.create(r.header("Location")).getPath());
        assertEquals(List.of(id, id), r.jsonPath().getList("appointments.patientId", Long.class));
        assertEquals("2", given().get("/patients/" + id + "/appointments").header("X-Total-Count"));

        List<AuditEvent> events = AuditEvent.findAll(where("requestId", requestId));
        assertEquals(Set.of("Patient " + id, "Appointment " + r.jsonPath().getLong("appointments[0].id"),
                "Appointment " + r.jsonPath().getLong("appointments[1].id")), events.stream()
                .map(e -> e.entityType + " " + e.entityId).collect(Collectors.toSet()), "one event per row created");
        events.forEach(e -> assertEquals(201, e.status));
        events.forEach(e -> assertEquals(List.of(id), List.of(e.patientIds)));
    }

    @Test
    void shouldCreateNothingWhenTheSecondBookingOverlaps() {
        long doctor = createDoctor();
        Instant t = slot();
        createAppointment(doctor, createPatient(), t);
        Map<String, Object> body = withBookings(booking(doctor, t.plus(Duration.ofHours(2))), booking(doctor, t));
        var problem = assertProblem(post(given(), body), 409, "appointment_overlap");
        assertEquals("/appointments/1/date", problem.path("errors[0].field"));
        assertNothingCreated(body, doctor, 1);
    }

    @Test
    void shouldCreateNothingWhenABookingsDoctorIsMissingOrDeleted() {
        long doctor = createDoctor();
        long gone = createDoctor();
        given().delete("/doctors/" + gone).then().statusCode(204);
        Instant t = slot();
        for (long missing : List.of(gone, 999_999_999L)) {
            Map<String, Object> body = withBookings(booking(doctor, t), booking(missing, t.plus(Duration.ofHours(1))));
            var problem = assertProblem(post(given(), body), 422, "missing_reference");
            assertEquals("/appointments/1/doctorId", problem.path("errors[0].field"));
            assertNothingCreated(body, doctor, 0);
        }
    }

    @Test
    void shouldPointEachRefusedBookingFieldIntoTheArray() {
        long doctor = createDoctor();
        Instant t = slot();
        Map<String, Object> shortOne = booking(doctor, t);
        shortOne.put("durationMinutes", 1);
        assertField(post(given(), withBookings(booking(doctor, t.plus(Duration.ofHours(3))), shortOne)), 400,
                "validation", "/appointments/1/durationMinutes");
        Map<String, Object> unknown = booking(doctor, t);
        unknown.put("colour", "red");
        assertField(post(given(), withBookings(unknown)), 400, "bad_request", "/appointments/0/colour");
        Map<String, Object> keyed = booking(doctor, t);
        keyed.put("patientId", 1);
        assertField(post(given(), withBookings(keyed)), 400, "bad_request", "/appointments/0/patientId");
        Map<String, Object> badDate = booking(doctor, t);
        badDate.put("date", 42);
        assertField(post(given(), withBookings(badDate)), 400, "bad_request", "/appointments/0/date");
        assertField(post(given(), withBookings("not a booking")), 400, "bad_request", "/appointments/0");
        Map<String, Object> notAnArray = patient(email("pt"));
        notAnArray.put("appointments", Map.of("doctorId", doctor));
        assertField(post(given(), notAnArray), 400, "bad_request", "/appointments");
        assertEquals("0", given().queryParam("where[doctorId]", doctor).get("/appointments").header("X-Total-Count"));
    }

    @Test
    void shouldNeedTheRightToCreateBothPatientsAndAppointments() {
        long doctor = createDoctor();
        Map<String, Object> body = withBookings(booking(doctor, slot()));
        assertProblem(post(Api.as(Tokens.doctor(doctor)), body), 403, "forbidden");
        assertProblem(post(Api.as(Tokens.patient(createPatient())), body), 403, "forbidden");
        assertNothingCreated(body, doctor, 0);
        post(Api.as(Tokens.clerk()), body).then().statusCode(201);
    }

    private static void assertField(Response r, int status, String code, String field) {
        assertEquals(field, assertProblem(r, status, code).path("errors[0].field"), r.asString());
    }

    private static void assertNothingCreated(Map<String, Object> body, long doctor, int doctorsAppointments) {
        assertEquals("0", given().queryParam("where[email]", body.get("email")).get("/patients")
                .header("X-Total-Count"), "the patient went with the refused booking");
        assertEquals(String.valueOf(doctorsAppointments), given().queryParam("where[doctorId]", doctor)
                .get("/appointments").header("X-Total-Count"), "the first booking went with the second");
    }

    private static Response post(io.restassured.specification.RequestSpecification spec, Map<String, Object> body) {
        return spec.contentType("application/json").body(body).post("/patients");
    }

    private static Map<String, Object> withBookings(Object... bookings) {
        Map<String, Object> body = patient(email("pt"));
        body.put("appointments", List.of(bookings));
        return body;
    }

    private static Map<String, Object> booking(long doctor, Instant date) {
        return map("doctorId", doctor, "date", date.toString(), "reason", "First visit");
    }
}
