package clinic.web;

import clinic.LogLines;
import clinic.Tokens;
import clinic.audit.AuditEvent;
import clinic.web.HostileInputClient.Reply;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static clinic.Api.anonymous;
import static clinic.Api.as;
import static clinic.Api.given;
import static clinic.Fixtures.createDoctor;
import static clinic.model.Where.where;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** One id per request: the response header, the problem body, the log lines and the audit event all name it. */
@QuarkusTest
class RequestIdTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void shouldEchoAWellFormedRequestIdInHeaderBodyLogAndAudit() throws Exception {
        String id = "req-" + UUID.randomUUID().toString().substring(0, 8) + ".1:a_b";
        try (LogLines log = LogLines.listen()) {
            Response r = given().header("X-Request-Id", id).get("/doctors/999999999");
            assertEquals(404, r.statusCode());
            assertEquals(id, r.header("X-Request-Id"));
            assertEquals(id, r.jsonPath().getString("requestId"));
            assertThat(log.matching("GET /doctors/999999999 404"), hasItem(containsString("requestId=" + id + " ")));
        }
        assertEquals(id, onlyEvent(id).requestId);
    }

    @Test
    void shouldNeverEchoAnUnsafeRequestId() {
        for (String unsafe : List.of("a b", "<script>alert(1)</script>", "x".repeat(65), "id;drop", "é", "a\"b",
                "../../etc")) {
            Response r = given().header("X-Request-Id", unsafe).get("/doctors/999999999");
            String answered = r.header("X-Request-Id");
            assertThat(unsafe, answered, matchesPattern(UUID_PATTERN));
            assertEquals(answered, r.jsonPath().getString("requestId"));
        }
    }

    @Test
    void shouldGenerateOneIdForHeaderBodyAndAuditWhenNoneIsSent() {
        long id = createDoctor();
        Response read = given().get("/doctors/" + id);
        String readId = read.header("X-Request-Id");
        assertThat(readId, matchesPattern(UUID_PATTERN));
        assertEquals(readId, onlyEvent(readId).requestId);

        // refused by a role check before any resource ran: its event is written off the I/O thread
        Response refused = as(Tokens.patient(1)).get("/audit-events");
        assertEquals(403, refused.statusCode());
        String refusedId = refused.header("X-Request-Id");
        assertThat(refusedId, matchesPattern(UUID_PATTERN));
        assertEquals(refusedId, refused.jsonPath().getString("requestId"));
        assertEquals(refusedId, onlyEvent(refusedId).requestId);
    }

    @Test
    void shouldNameTheRequestIdInUnauthenticatedProblemsAndTheirLogLine() throws Exception {
        try (LogLines log = LogLines.listen()) {
            Response r = anonymous().header("X-Request-Id", "anon-1").get("/patients");
            assertEquals(401, r.statusCode());
            assertEquals("anon-1", r.header("X-Request-Id"));
            assertEquals("anon-1", r.jsonPath().getString("requestId"));
            assertThat(log.matching("no bearer token"), hasItem(containsString("requestId=anon-1 ")));
        }
    }

    @Test
    void shouldNameTheRequestIdInProblemsAnsweredBeforeJaxRs() throws Exception {
        Reply tooLarge = HostileInputClient.send("POST", "/doctors", "application/json", new byte[65 * 1024], false);
        assertEquals(413, tooLarge.status());
        String id = tooLarge.headers().get("x-request-id");
        assertThat(id, matchesPattern(UUID_PATTERN));
        assertThat(tooLarge.body(), containsString("\"requestId\":\"" + id + "\""));
    }

    @Test
    void shouldCarryARequestIdOnPublicPathsToo() {
        for (String path : List.of("/q/health/ready", "/q/openapi", "/q/metrics")) {
            Response r = anonymous().header("X-Request-Id", "public-1").get(path);
            assertEquals(200, r.statusCode(), path);
            assertEquals("public-1", r.header("X-Request-Id"), path);
        }
    }

    private static AuditEvent onlyEvent(String requestId) {
        List<AuditEvent> events = AuditEvent.findAll(where("requestId", requestId));
        assertEquals(1, events.size(), "events of request " + requestId);
        return events.get(0);
    }
}
