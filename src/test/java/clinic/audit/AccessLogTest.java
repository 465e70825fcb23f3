package clinic.audit;

import clinic.Api;
import clinic.Tokens;
import clinic.Clinic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static clinic.audit.AuditTrailTest.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The patient's own access log: who read or changed their data, newest first, and nothing of anyone else. */
@QuarkusTest
class AccessLogTest {

    /** What a line of the log shows, and nothing more. */
    private static final Set<String> LINE = Set.of("recordedAt", "actorName", "roles", "profile", "action", "status",
            "path");

    @Test
    void shouldShowThePatientADoctorsReadOfTheirRecord() {
        Clinic c = Clinic.create();
        send(Api.as(Tokens.doctor(c.d1())), "GET", "/patients/" + c.p1(), null);
        Response log = Api.as(Tokens.patient(c.p1())).get("/patients/" + c.p1() + "/access-log?limit=5");
        assertEquals(200, log.statusCode(), log.asString());
        Map<String, Object> newest = log.jsonPath().getMap("[0]");
        assertEquals("test doctor", newest.get("actorName"));
        assertEquals(List.of("doctor"), newest.get("roles"));
        assertEquals("Doctor/" + c.d1(), newest.get("profile"));
        assertEquals("read", newest.get("action"));
        assertEquals(200, newest.get("status"));
        assertEquals("/patients/" + c.p1(), newest.get("path"));
        assertEquals(LINE, newest.keySet());
        List<String> times = log.jsonPath().getList("recordedAt");
        assertEquals(times.stream().sorted(java.util.Comparator.reverseOrder()).toList(), times, "newest first");
    }

    @Test
    void shouldCountOnlyTheEventsThatTouchedThePatient() {
        Clinic c = Clinic.create();
        long touching = AuditEvent.count(clinic.model.Where.where("patientIds", clinic.model.Where.contains(c.p1())));
        Response mine = Api.as(Tokens.patient(c.p1())).get("/patients/" + c.p1() + "/access-log?limit=1000");
        assertEquals(String.valueOf(touching), mine.header("X-Total-Count"));
        assertEquals(touching, mine.jsonPath().getList("$").size());
        Response admin = Api.given().get("/patients/" + c.p2() + "/access-log");
        assertEquals(200, admin.statusCode());
        assertTrue(admin.jsonPath().getList("path", String.class).stream().noneMatch(p -> p.contains("/" + c.a11())),
                "p1's appointment never shows in p2's log");
    }

    @Test
    void shouldKeepEachLogToItsPatientAndTheAdmin() {
        Clinic c = Clinic.create();
        Response other = Api.as(Tokens.patient(c.p1())).get("/patients/" + c.p2() + "/access-log");
        Response missing = Api.as(Tokens.patient(c.p1())).get("/patients/999999999/access-log");
        assertEquals(404, other.statusCode());
        assertEquals(missing.statusCode(), other.statusCode());
        assertEquals(403, Api.as(Tokens.doctor(c.d1())).get("/patients/" + c.p1() + "/access-log").statusCode());
        assertEquals(403, Api.as(Tokens.clerk()).get("/patients/" + c.p1() + "/access-log").statusCode());
        assertEquals(401, Api.anonymous().get("/patients/" + c.p1() + "/access-log").statusCode());
        Response filter = Api.given().get("/patients/" + c.p1() + "/access-log?where[patientIds][contains]=" + c.p2());
        assertEquals(400, filter.statusCode(), "only limit and offset: the log shows no other field");
    }

}
