package clinic.audit;

import clinic.Api;
import clinic.Tokens;
import clinic.Clinic;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static clinic.Fixtures.appointment;
import static clinic.Fixtures.createDoctor;
import static clinic.Fixtures.doctor;
import static clinic.Fixtures.email;
import static clinic.Fixtures.slot;
import static clinic.model.Where.contains;
import static clinic.model.Where.where;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One event per request with a valid token, whatever its outcome; committed with its write or not at all. */
@QuarkusTest
class AuditTrailTest {

    @Inject
    AgroalDataSource db;

    @Test
    void shouldRecordEachReadAndSearchWithThePatientsItHeld() {
        Clinic c = Clinic.create();
        String doctor = Tokens.doctor(c.d1());

        AuditEvent read = only(send(Api.as(doctor), "GET", "/patients/" + c.p1() + "?include=appointments", null));
        assertEquals("test-doctor", read.actor);
        assertEquals("test doctor", read.actorName);
        assertArrayEquals(new String[]{"doctor"}, read.roles);
        assertEquals("Doctor/" + c.d1(), read.profile);
        assertEquals("read", read.action);
        assertEquals("GET", read.method);
        assertEquals("/patients/" + c.p1(), read.path);
        assertEquals("include=appointments", read.query);
        assertEquals("Patient", read.entityType);
        assertEquals(c.p1(), read.entityId);
        assertArrayEquals(new Long[]{c.p1()}, read.patientIds);
        assertEquals(200, read.status);
        assertNull(read.changes);

        AuditEvent search = only(send(Api.given(), "GET", "/doctors?where[id]=" + c.d2() + "&include=appointments",
                null));
        assertEquals("search", search.action);
        assertEquals(Set.of(c.p1(), c.p2()), Set.of(search.patientIds), "the included appointments' patients");

        AuditEvent hidden = only(send(Api.as(doctor), "GET", "/patients/" + c.p2(), null));
        assertEquals(404, hidden.status);
        assertArrayEquals(new Long[0], hidden.patientIds, "nothing of p2 was answered");
    }

    @Test
    void shouldRecordEachWriteWithWhatChanged() {
        Clinic c = Clinic.create();
        AuditEvent cancel = only(send(Api.as(Tokens.patient(c.p1())), "PATCH", "/appointments/" + c.a11(),
                Map.of("status", "cancelled")));
        assertEquals("update", cancel.action);
        assertEquals(200, cancel.status);
        assertEquals(Map.of("status", List.of("booked", "cancelled")), cancel.changes);
        assertArrayEquals(new Long[]{c.p1()}, cancel.patientIds);

        Sent created = send(Api.given(), "POST", "/appointments", appointment(c.d1(), c.p2(), slot()));
        AuditEvent create = only(created);
        assertEquals("create", create.action);
        assertEquals(201, create.status);
        assertEquals(c.p2(), ((Number) ((List<?>) create.changes.get("patientId")).get(1)).longValue());
        assertArrayEquals(new Long[]{c.p2()}, create.patientIds);
        long booked = created.response().jsonPath().getLong("id");

        AuditEvent delete = only(send(Api.given(), "DELETE", "/appointments/" + booked, null));
        assertEquals("delete", delete.action);
        assertEquals(204, delete.status);
        assertNull(((List<?>) delete.changes.get("deletedAt")).get(0));

        AuditEvent restore = only(send(Api.given(), "POST", "/appointments/" + booked + "/restore", null));
        assertEquals("restore", restore.action);
        assertEquals(Set.of("deletedAt"), restore.changes.keySet());

        AuditEvent force = only(send(Api.given(), "DELETE", "/appointments/" + booked + "?force=true", null));
        assertEquals(List.of((int) c.p2(), "gone"), java.util.Arrays.asList(
                ((Number) ((List<?>) force.changes.get("patientId")).get(0)).intValue(),
                ((List<?>) force.changes.get("patientId")).get(1) == null ? "gone" : "kept"), "every field goes to null");
    }

    @Test
    void shouldRecordRefusedWritesWithTheirStatusAndNoChanges() {
        Clinic c = Clinic.create();
        String row = Api.given().get("/appointments/" + c.a11()).asString();
        assertRefused(send(Api.as(Tokens.patient(c.p1())), "PATCH", "/appointments/" + c.a11(),
                Map.of("reason", "mine")), 403);
        assertRefused(send(Api.given().header("If-Match", "\"99\""), "PATCH", "/appointments/" + c.a11(),
                Map.of("reason", "stale")), 412);
        assertRefused(send(Api.given(), "PATCH", "/appointments/" + c.a11(), Map.of("doctorId", 999_999_999)), 422);
        assertEquals(row, Api.given().get("/appointments/" + c.a11()).asString());
        String taken = email("dr");
        send(Api.given(), "POST", "/doctors", doctor(taken));
        assertRefused(send(Api.given(), "POST", "/doctors", doctor(taken)), 409);
    }

    @Test
    void shouldLeaveNoSuccessEventWhenTheCommitFails() throws SQLException {
        long patient = clinic.Fixtures.createPatient();
        String phone = Api.given().get("/patients/" + patient).jsonPath().getString("phone");
        execute("CREATE FUNCTION audit_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.phone = 'refused at commit' THEN RAISE EXCEPTION 'refused at commit'; END IF; RETURN NEW; END $$");
        execute("CREATE CONSTRAINT TRIGGER audit_test_refuse AFTER UPDATE ON patients DEFERRABLE INITIALLY DEFERRED "
                + "FOR EACH ROW EXECUTE FUNCTION audit_test_refuse()");
        try {
            Sent r = send(Api.given(), "PATCH", "/patients/" + patient, Map.of("phone", "refused at commit"));
            assertNotEquals(200, r.statusCode(), r.asString());
            AuditEvent e = only(r);
            assertEquals(r.statusCode(), e.status);
            assertNull(e.changes);
        } finally {
            execute("DROP TRIGGER audit_test_refuse ON patients");
            execute("DROP FUNCTION audit_test_refuse()");
        }
        assertEquals(phone, Api.given().get("/patients/" + patient).jsonPath().getString("phone"));
    }

    @Test
    void shouldAnswer503RatherThanUnauditedWhenTheTrailCannotBeWritten() throws SQLException {
        long before = Long.parseLong(Api.given().get("/doctors?limit=1").header("X-Total-Count"));
        execute("ALTER TABLE audit_events RENAME TO audit_events_away");
        try {
            Response read = Api.given().get("/doctors?limit=1");
            assertEquals(503, read.statusCode(), read.asString());
            assertEquals("application/problem+json", read.contentType());
            Response write = Api.given().contentType("application/json").body(doctor(email("dr"))).post("/doctors");
            assertEquals(503, write.statusCode(), write.asString());
            // refused by a role check on the I/O thread, its event then failing on a worker: the 503 names the request
            Response refused = Api.as(Tokens.patient(1)).get("/audit-events");
            assertEquals(503, refused.statusCode(), refused.asString());
            assertEquals(refused.header("X-Request-Id"), refused.jsonPath().getString("requestId"));
            assertEquals(read.header("X-Request-Id"), read.jsonPath().getString("requestId"));
        } finally {
            execute("ALTER TABLE audit_events_away RENAME TO audit_events");
        }
        assertEquals(before, Long.parseLong(Api.given().get("/doctors?limit=1").header("X-Total-Count")),
                "the refused write left no doctor behind");
    }

    @Test
    void shouldRefuseToChangeOrDeleteTheTrailEvenFromTheServicesConnection() throws SQLException {
        createDoctor();
        for (String sql : List.of("UPDATE audit_events SET status = 0", "DELETE FROM audit_events",
                "TRUNCATE audit_events")) {
            SQLException refused = assertThrows(SQLException.class, () -> execute(sql), sql);
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        }
    }

    @Test
    void shouldFindTheEventsThatTouchedAPatient() {
        Clinic c = Clinic.create();
        send(Api.as(Tokens.doctor(c.d1())), "GET", "/patients/" + c.p1(), null);
        List<AuditEvent> touching = AuditEvent.findAll(where("patientIds", contains(c.p1())));
        assertTrue(touching.size() >= 3, "the bookings and the read: " + touching.size());
        touching.forEach(e -> assertTrue(Set.of(e.patientIds).contains(c.p1()), e.path));

        Response page = Api.given().get("/audit-events?where[patientIds][contains]=" + c.p1() + "&order=-recordedAt");
        assertEquals(200, page.statusCode(), page.asString());
        assertEquals(String.valueOf(touching.size()), page.header("X-Total-Count"));
        assertEquals("/patients/" + c.p1(), page.jsonPath().getString("[0].path"));
        for (String caller : List.of(Tokens.clerk(), Tokens.doctor(c.d1()), Tokens.patient(c.p1()))) {
            Sent refused = send(Api.as(caller), "GET", "/audit-events", null);
            assertEquals(403, refused.statusCode());
            assertEquals(403, only(refused).status, "a refusal by role is audited too");
        }
    }

    private void assertRefused(Sent r, int status) {
        assertEquals(status, r.statusCode(), r.asString());
        AuditEvent e = only(r);
        assertEquals(status, e.status);
        assertNull(e.changes);
    }

    /** A response and the X-Request-Id it was sent with, which its audit event records. */
    record Sent(Response response, String requestId) {

        int statusCode() {
            return response.statusCode();
        }

        String asString() {
            return response.asString();
        }
    }

    /** The one event of that request. */
    static AuditEvent only(Sent sent) {
        List<AuditEvent> events = AuditEvent.findAll(where("requestId", sent.requestId()));
        assertEquals(1, events.size(), "events of request " + sent.requestId());
        return events.get(0);
    }

    static Sent send(RequestSpecification spec, String method, String path, Object body) {
        String id = UUID.randomUUID().toString();
        spec = spec.header("X-Request-Id", id);
        if (body != null) {
            spec = spec.contentType("application/json").body(body);
        }
        return new Sent(spec.request(method, path), id);
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
