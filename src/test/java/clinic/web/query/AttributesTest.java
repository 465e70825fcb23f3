package clinic.web.query;

import clinic.Fixtures;
import clinic.SqlLog;
import clinic.Tokens;
import clinic.audit.AuditEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static clinic.Api.as;
import static clinic.Api.given;
import static clinic.Fixtures.createAppointment;
import static clinic.Fixtures.slot;
import static clinic.model.Where.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code attributes=} and {@code include[i][attributes]=} reach the SQL SELECT, narrowed as every read is. */
@QuarkusTest
class AttributesTest {

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private Fixtures.People people;
    private Instant t;

    /** Ada sees Ann at t and Bob at t+1h; Bea sees Ann at t+2h. */
    private void clinic() {
        people = Fixtures.people(tag);
        t = slot();
        createAppointment(people.ada(), people.ann(), t);
        createAppointment(people.ada(), people.bob(), t.plus(Duration.ofHours(1)));
        createAppointment(people.bea(), people.ann(), t.plus(Duration.ofHours(2)));
    }

    @Test
    void shouldSelectOnlyAPagesAttributesAndStillAuditItsPatients() {
        clinic();
        String requestId = UUID.randomUUID().toString();
        List<Response> answer = new ArrayList<>();
        String sql = SqlLog.selected(SqlLog.reading(SqlLog.during(() -> answer.add(given().header("X-Request-Id",
                requestId).get("/appointments?where[doctorId]=" + people.ada() + "&attributes=id,date&order=date"))),
                "appointments"));
        Response r = answer.get(0);
        assertEquals(200, r.statusCode(), r.asString());
        assertEquals(Set.of("id", "date"), r.jsonPath().getMap("[0]").keySet());
        assertEquals("2", r.header("X-Total-Count"));
        assertFalse(sql.contains("reason"), sql);
        assertFalse(sql.contains("status"), sql);
        AuditEvent event = AuditEvent.findAll(where("requestId", requestId)).stream().findFirst().orElseThrow();
        assertEquals(List.of(people.ann(), people.bob()), List.of(event.patientIds),
                "the keys are read for the audit trail");
    }

    @Test
    void shouldSelectARowsAndItsIncludesAttributesAndKeepItsETag() {
        clinic();
        String version = given().get("/doctors/" + people.ada()).header("ETag");
        List<Response> answer = new ArrayList<>();
        List<String> sql = SqlLog.during(() -> answer.add(given().get("/doctors/" + people.ada()
                + "?attributes=name&include[0][association]=appointments&include[0][attributes]=date")));
        Response r = answer.get(0);
        assertEquals(200, r.statusCode(), r.asString());
        assertEquals(Set.of("id", "name", "appointments"), r.jsonPath().getMap("$").keySet());
        assertEquals(Set.of("id", "date"), r.jsonPath().getMap("appointments[0]").keySet());
        // the version is read whatever the attributes, so a row alone keeps its ETag; with includes it is a digest
        assertEquals(version, given().get("/doctors/" + people.ada() + "?attributes=name").header("ETag"));
        assertTrue(r.header("ETag").startsWith("W/\""), r.header("ETag"));
        String doctors = SqlLog.selected(SqlLog.reading(sql, "doctors"));
        assertFalse(doctors.contains("specialty"), doctors);
        String appointments = SqlLog.selected(SqlLog.reading(sql, "appointments"));
        assertFalse(appointments.contains("reason"), appointments);
    }

    @Test
    void shouldNarrowAProjectedIncludeToTheCallersRows() {
        clinic();
        Response r = as(Tokens.doctor(people.ada())).get("/patients/" + people.ann()
                + "?attributes=name&include[0][association]=appointments&include[0][attributes]=date,doctorId");
        assertEquals(200, r.statusCode(), r.asString());
        assertEquals(List.of((int) people.ada()), r.jsonPath().getList("appointments.doctorId"), "not Bea's");
    }

    @Test
    void shouldShowNullForAProjectedToOneThatItsWhereLeavesOut() {
        clinic();
        List<Response> answer = new ArrayList<>();
        List<String> sql = SqlLog.during(() -> answer.add(given().get("/appointments?where[doctorId]=" + people.ada()
                + "&order=date&include[0][association]=patient&include[0][attributes]=name"
                + "&include[0][where][name]=Ann&include[0][required]=false")));
        Response r = answer.get(0);
        assertEquals(200, r.statusCode(), r.asString());
        assertEquals(Map.of("id", (int) people.ann(), "name", "Ann"), r.jsonPath().getMap("[0].patient"));
        assertNull(r.jsonPath().get("[1].patient"));
        assertTrue(r.jsonPath().getMap("[0]").containsKey("reason"), "the appointments are whole");
        String patients = SqlLog.selected(SqlLog.reading(sql, "patients"));
        assertFalse(patients.contains("email"), patients);
    }
}
