package clinic.appointment;

import clinic.Api;
import clinic.Clinic;
import clinic.Tokens;
import clinic.audit.AuditEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static clinic.Api.given;
import static clinic.Fixtures.assertProblem;
import static clinic.Fixtures.createAppointment;
import static clinic.Fixtures.createDoctor;
import static clinic.Fixtures.createPatient;
import static clinic.Fixtures.json;
import static clinic.Fixtures.map;
import static clinic.Fixtures.slot;
import static clinic.model.Where.where;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /appointments/count}: Sequelize's {@code count({where, group})}, narrowed like every read. */
@QuarkusTest
class CountTest {

    @Test
    void shouldCountADoctorsAppointmentsInAllAndPerStatus() {
        long doctor = createDoctor();
        long patient = createPatient();
        Instant t = slot();
        createAppointment(doctor, patient, t);
        createAppointment(doctor, patient, t.plus(Duration.ofHours(1)));
        long cancelled = createAppointment(doctor, patient, t.plus(Duration.ofHours(2)));
        json(map("status", "cancelled")).patch("/appointments/" + cancelled).then().statusCode(200);

        assertEquals(Map.of("count", 3), count(given(), "where[doctorId]=" + doctor).as(Map.class));
        assertEquals(List.of(Map.of("status", "booked", "count", 2), Map.of("status", "cancelled", "count", 1)),
                count(given(), "group=status&where[doctorId]=" + doctor).as(List.class));
        assertEquals(List.of(Map.of("doctorId", (int) doctor, "status", "booked", "count", 2)),
                count(given(), "group=doctorId,status&where[doctorId]=" + doctor + "&where[status]=booked")
                        .as(List.class));
    }

    @Test
    void shouldCountOnlyTheCallersOwnAppointments() {
        Clinic c = Clinic.create();
        String ofP1 = "where[patientId]=" + c.p1();
        assertEquals(Map.of("count", 2), count(given(), ofP1).as(Map.class));
        assertEquals(Map.of("count", 1), count(Api.as(Tokens.doctor(c.d1())), ofP1).as(Map.class),
                "d1 does not see p1's visit to d2");
        assertEquals(List.of(Map.of("doctorId", (int) c.d1(), "count", 1)),
                count(Api.as(Tokens.doctor(c.d1())), "group=doctorId&" + ofP1).as(List.class));
        assertEquals(Map.of("count", 1), count(Api.as(Tokens.patient(c.p2())), "where[doctorId]=" + c.d2())
                .as(Map.class), "p2 sees only their own visit to d2");
        assertEquals(Map.of("count", 0), count(Api.as(Tokens.patient(c.p2())), ofP1).as(Map.class));
        assertProblem(count(Api.as(Tokens.of("nurse", null)), ofP1), 403, "forbidden");
        assertProblem(count(Api.as(Tokens.clerk()), "paranoid=false&" + ofP1), 403, "forbidden");
    }

    @Test
    void shouldRefuseWhatACountCannotTakeNamingWhatItCan() {
        var group = assertProblem(count(given(), "group=reason"), 400, "bad_request");
        assertEquals("group", group.path("errors[0].field"));
        assertTrue(group.<String>path("detail").contains("status, doctorId, patientId"), group.asString());
        for (String query : List.of("limit=5", "order=date", "attributes=id", "where[nope]=1", "group=status,status",
                "group=status&group=doctorId", "include=nope")) {
            Response r = count(given(), query);
            assertProblem(r, 400, "bad_request");
        }
    }

    @Test
    void shouldLeaveTheRowRoutesAsTheyWere() {
        Clinic c = Clinic.create();
        given().get("/appointments/" + c.a11()).then().statusCode(200);
        for (String method : List.of("DELETE", "PATCH", "PUT")) {
            Response r = json(map("status", "cancelled")).request(method, "/appointments/count");
            // the literal route takes GET only: JAX-RS alone let the others fall through to /{id}
            assertProblem(r, 405, "method_not_allowed");
            assertEquals("GET, HEAD, OPTIONS", r.header("Allow"), method);
        }
        assertEquals(Map.of("count", 1), count(given(), "where[id]=" + c.a11()).as(Map.class), "nothing changed");
        assertEquals("booked", given().get("/appointments/" + c.a11()).path("status"));
    }

    @Test
    void shouldAuditACountAsASearchNamingTheGroupedPatients() {
        Clinic c = Clinic.create();
        String requestId = UUID.randomUUID().toString();
        given().header("X-Request-Id", requestId).get("/appointments/count?group=patientId&where[doctorId]="
                + c.d2()).then().statusCode(200);
        List<AuditEvent> events = AuditEvent.findAll(where("requestId", requestId));
        assertEquals(1, events.size());
        assertEquals("search", events.get(0).action);
        assertEquals(200, events.get(0).status);
        assertArrayEquals(new Long[]{Math.min(c.p1(), c.p2()), Math.max(c.p1(), c.p2())}, events.get(0).patientIds);
    }

    private static Response count(io.restassured.specification.RequestSpecification spec, String query) {
        return spec.get("/appointments/count?" + query);
    }
}
