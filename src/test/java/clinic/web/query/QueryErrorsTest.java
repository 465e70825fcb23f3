package clinic.web.query;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static clinic.Fixtures.assertProblem;
import static clinic.Fixtures.createDoctor;
import static clinic.Fixtures.doctor;
import static clinic.Fixtures.email;
import static clinic.Fixtures.json;
import static clinic.Fixtures.map;
import static clinic.Api.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A bad query parameter is a 400 whose errors[].field is the parameter's name and whose detail says what fits. */
@QuarkusTest
class QueryErrorsTest {

    private static String badParameter(String path, String name, String value) {
        var problem = assertProblem(given().queryParam(name, value).get(path), 400, "bad_request");
        assertThat(problem.path("errors[0].field"), equalTo(name));
        return problem.path("detail");
    }

    @Test
    void shouldRejectUnknownQueryParameter() {
        assertThat(badParameter("/doctors", "sort", "name"), allOf(containsString("sort"), containsString("order")));
        badParameter("/doctors/" + createDoctor() + "/appointments", "page", "2");
    }

    @Test
    void shouldRejectUnknownWhereField() {
        assertThat(badParameter("/doctors", "where[birthDate]", "2000-01-01"),
                allOf(containsString("birthDate"), containsString("specialty")));
        badParameter("/appointments", "where[or][0][nope][eq]", "1");
    }

    @Test
    void shouldRejectUnknownOperator() {
        assertThat(badParameter("/patients", "where[name][regex]", "x"),
                allOf(containsString("regex"), containsString("iLike")));
        badParameter("/appointments", "where[status][gt]", "booked");
    }

    @Test
    void shouldRejectValueOfTheWrongType() {
        badParameter("/appointments", "where[date][gte]", "yesterday");
        badParameter("/appointments", "where[durationMinutes]", "long");
        badParameter("/appointments", "where[status]", "done");
        badParameter("/patients", "where[birthDate][between]", "2000-01-01");
        badParameter("/doctors", "where[deletedAt][is]", "maybe");
    }

    @Test
    void shouldRejectBadListOptions() {
        badParameter("/doctors", "limit", "abc");
        badParameter("/doctors", "limit", "1001");
        badParameter("/doctors", "offset", "-1");
        badParameter("/doctors", "order", "salary");
        badParameter("/doctors", "order", "name:sideways");
        badParameter("/doctors", "include", "doctor");
        badParameter("/appointments", "include", "doctor.nope");
        badParameter("/patients", "attributes", "id,password");
        badParameter("/patients", "paranoid", "no");
    }

    @Test
    void shouldRejectBadQueryParametersOnWrites() {
        long id = createDoctor();
        for (String query : new String[] {"force=yes", "forse=true", "force=true&force=false"}) {
            var problem = assertProblem(given().delete("/doctors/" + id + "?" + query), 400, "bad_request");
            assertThat(problem.path("errors[0].field"), equalTo(query.substring(0, 5)));
        }
        given().get("/doctors/" + id).then().statusCode(200);
        var problem = assertProblem(json(doctor(email("dr"))).post("/doctors?include=appointments"),
                400, "bad_request");
        assertThat(problem.path("errors[0].field"), equalTo("include"));
        assertProblem(json(map("name", "x")).patch("/doctors/" + id + "?paranoid=false"), 400, "bad_request");
        given().delete("/doctors/" + id + "?force=false").then().statusCode(204);
        given().get("/doctors/" + id + "?paranoid=false").then().statusCode(200);
    }

    @Test
    void shouldApplyQueryToSingleRowReads() {
        long id = createDoctor();
        badParameter("/doctors/" + id, "include", "nope");
        badParameter("/doctors/" + id, "attributes", "nope");
        assertThat(badParameter("/doctors/" + id, "limit", "5"), containsString("include, attributes, paranoid"));
        badParameter("/doctors/" + id, "where[name]", "x");
    }
}
