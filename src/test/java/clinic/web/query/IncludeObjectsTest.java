package clinic.web.query;

import clinic.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static clinic.Api.given;
import static clinic.Fixtures.assertProblem;
import static clinic.Fixtures.createAppointment;
import static clinic.Fixtures.slot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sequelize's include objects over HTTP, as qs parses them, every option, nested; order by a to-one; scopes. */
@QuarkusTest
class IncludeObjectsTest {

    private final String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
    private long ada;
    private long bea;
    private long ann;
    private long bob;
    private Instant t;

    private void clinic() {
        Fixtures.People people = Fixtures.people(tag);
        ada = people.ada();
        bea = people.bea();
        ann = people.ann();
        bob = people.bob();
        t = slot();
        createAppointment(ada, ann, t);
        createAppointment(ada, bob, t.plus(Duration.ofHours(1)));
        long cancelled = createAppointment(ada, ann, t.plus(Duration.ofHours(2)));
        given().contentType("application/json").body(Map.of("status", "cancelled")).patch("/appointments/" + cancelled)
                .then().statusCode(200);
    }

    private Response doctors(String query) {
        return given().get("/doctors?where[email][endsWith]=." + tag + "@clinic.test&order=email&" + query);
    }

    @Test
    void shouldFilterIncludedRowsButKeepParentsWhenNotRequired() {
        clinic();
        Response r = doctors("include[0][association]=appointments&include[0][where][status]=booked"
                + "&include[0][required]=false");
        assertEquals(200, r.statusCode(), r.asString());
        assertEquals("2", r.header("X-Total-Count"));
        assertEquals(List.of(2, 0), r.jsonPath().getList("appointments", List.class).stream().map(List::size).toList());
        assertEquals("1", doctors("include[0][association]=appointments&include[0][where][status]=booked")
                .header("X-Total-Count"), "a where makes it required by default");
        assertEquals("1", doctors("include[0][association]=appointments&include[0][required]=true")
                .header("X-Total-Count"));
    }

    @Test
    void shouldOrderLimitAndTrimEachParentsRows() {
        clinic();
        Response r = doctors("include[0][association]=appointments&include[0][order]=date:desc&include[0][limit]=1"
                + "&include[0][attributes]=date");
        assertEquals(200, r.statusCode(), r.asString());
        Map<String, Object> latest = r.jsonPath().getMap("[0].appointments[0]");
        assertEquals(Set.of("id", "date"), latest.keySet());
        assertEquals(t.plus(Duration.ofHours(2)).toString(), latest.get("date"));
        assertEquals(1, r.jsonPath().getList("[0].appointments").size());
        assertEquals(3, doctors("include[0][association]=appointments&include[0][paranoid]=false")
                .jsonPath().getList("[0].appointments").size());
    }

    @Test
    void shouldNestIncludeObjectsAndFilterUpTheChain() {
        clinic();
        Response r = doctors("include[0][association]=appointments&include[0][include][0][association]=patient"
                + "&include[0][include][0][where][name][iLike]=ann");
        assertEquals(200, r.statusCode(), r.asString());
        assertEquals("1", r.header("X-Total-Count"));
        assertEquals(List.of((int) ann, (int) ann), r.jsonPath().getList("[0].appointments.patient.id"));
    }

    @Test
    void shouldOrderByAToOneIncludesField() {
        clinic();
        Response r = given().get("/appointments?where[doctorId]=" + ada + "&include=patient&order=patient.name:desc,date");
        assertEquals(200, r.statusCode(), r.asString());
        assertEquals(List.of((int) bob, (int) ann, (int) ann), r.jsonPath().getList("patientId"));
        assertProblem(given().get("/doctors?order=appointments.date"), 400, "bad_request");
    }

    @Test
    void shouldFindWithinANamedScope() {
        clinic();
        assertEquals("2", given().get("/appointments?where[doctorId]=" + ada + "&scope=upcoming").header("X-Total-Count"));
        Response unknown = given().get("/appointments?scope=later");
        assertProblem(unknown, 400, "bad_request");
        assertTrue(unknown.jsonPath().getString("detail").contains("allowed: ofDoctor, upcoming, withPeople"));
    }

    @Test
    void shouldNameTheParameterAtFault() {
        for (String bad : List.of("include[0][association]=nope", "include[0][association]=appointments"
                + "&include[0][limit]=0", "include[0][association]=appointments&include[0][where][nope]=1",
                "include[0][where][status]=booked", "include[0][colour]=red")) {
            Response r = given().get("/doctors?" + bad);
            assertProblem(r, 400, "bad_request");
            assertTrue(r.jsonPath().getString("errors[0].field").startsWith("include"), bad + ": " + r.asString());
        }
    }
}
