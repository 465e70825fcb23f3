package clinic.web;

import clinic.web.HostileInputClient.Reply;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static clinic.Fixtures.LEAK;
import static clinic.Fixtures.assertProblem;
import static clinic.Fixtures.createDoctor;
import static clinic.Api.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** What a client may ask at most: 64 KiB bodies, limit 1000, include 3 levels, 50 where conditions, 8 KiB queries. */
@QuarkusTest
class LimitsTest {

    private static final int KIB = 1024;

    @Test
    void shouldRefuseBodiesOver64KiBWithContentLength() throws IOException {
        long id = createDoctor();
        String row = "/doctors/" + id;
        for (String[] call : new String[][]{{"POST", "/doctors"}, {"PATCH", row}, {"PUT", row}}) {
            assertPayloadTooLarge(HostileInputClient.send(call[0], call[1], "application/json", body(64 * KIB + 1),
                    false));
        }
        given().get("/doctors/" + id).then().statusCode(200).body("version", equalTo(0));
    }

    @Test
    void shouldRefuseChunkedBodiesOver64KiB() throws IOException {
        long id = createDoctor();
        assertPayloadTooLarge(HostileInputClient.send("POST", "/patients", "application/json", body(64 * KIB + 1),
                true));
        assertPayloadTooLarge(HostileInputClient.send("PATCH", "/doctors/" + id, "application/json", body(200 * KIB),
                true));
        given().get("/doctors/" + id).then().statusCode(200).body("version", equalTo(0));
    }

    @Test
    void shouldReadBodiesOfExactly64KiB() throws IOException {
        for (boolean chunked : List.of(false, true)) {
            Reply reply = HostileInputClient.send("POST", "/doctors", "application/json", body(64 * KIB), chunked);
            assertEquals(400, reply.status(), reply.body());
            assertThat(reply.body(), allOf(containsString("\"code\":\"validation\""), containsString("/name")));
        }
    }

    /** Found by HostileInputTest: Jackson's own message named its StreamReadConstraints getters. */
    @Test
    void shouldRefuseJsonNestedDeeperThan1000LevelsOrNumbersLongerThan1000Digits() {
        String deep = "{\"name\":".repeat(1001) + "1" + "}".repeat(1001);
        assertThat(assertProblem(given().contentType("application/json").body(deep).post("/doctors"), 400,
                "bad_request").path("detail"), containsString("1000 levels"));
        assertProblem(given().contentType("application/json").body("{\"name\":" + "9".repeat(1001) + "}")
                .post("/doctors"), 400, "bad_request");
    }

    @Test
    void shouldRefuseLimitOver1000() {
        assertThat(badParameter(given().queryParam("limit", 1001), "/doctors", "limit"), containsString("1000"));
        given().queryParam("limit", 1000).get("/doctors").then().statusCode(200);
    }

    @Test
    void shouldRefuseIncludesDeeperThan3Levels() {
        long id = createDoctor();
        String deep = "appointments.patient.appointments.doctor";
        assertThat(badParameter(given().queryParam("include", deep), "/doctors", "include"),
                containsString("at most 3 levels"));
        badParameter(given().queryParam("include", deep), "/doctors/" + id, "include");
        badParameter(given().queryParam("include", "doctor.appointments.patient.doctors"),
                "/patients/" + createPatientOf(id) + "/appointments", "include");
        given().queryParam("include", "appointments.patient.appointments").get("/doctors").then().statusCode(200);
    }

    @Test
    void shouldRefuseMoreThan50WhereConditions() {
        assertThat(badParameter(conditions(51), "/appointments", "where"), containsString("at most 50"));
        conditions(50).get("/appointments").then().statusCode(200);
    }

    @Test
    void shouldRefuseQueryStringsOver8KiB() {
        String filler = "where[name][ne]=";
        String exact = filler + "x".repeat(8 * KIB - filler.length());
        var problem = assertProblem(given().urlEncodingEnabled(false).get("/doctors?" + exact + "x"), 400,
                "bad_request");
        assertThat(problem.path("errors[0].field"), equalTo("query"));
        assertThat(problem.path("detail"), containsString("8 KiB"));
        given().urlEncodingEnabled(false).get("/doctors?" + exact).then().statusCode(200);
    }

    /** Past the 16 KiB request line Vert.x refuses the request itself: a bare 414, never a server error. */
    @Test
    void shouldAnswerFarLongerRequestLinesWith414() throws IOException {
        Reply reply = HostileInputClient.get("/doctors?where[name][ne]=" + "x".repeat(100 * KIB));
        assertEquals(414, reply.status());
        assertFalse(LEAK.matcher(reply.body()).find(), reply.body());
    }

    private static void assertPayloadTooLarge(Reply reply) {
        assertEquals(413, reply.status(), reply.body());
        assertThat(reply.contentType(), startsWith("application/problem+json"));
        assertThat(reply.body(), allOf(containsString("\"status\":413"),
                containsString("\"code\":\"payload_too_large\""), containsString("64 KiB")));
        assertFalse(LEAK.matcher(reply.body()).find(), reply.body());
    }

    /** A JSON object of exactly {@code size} bytes: a name too long to be valid. */
    private static byte[] body(int size) {
        String head = "{\"name\":\"";
        return (head + "x".repeat(size - head.length() - 2) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static String badParameter(RequestSpecification request, String path, String name) {
        var problem = assertProblem(request.get(path), 400, "bad_request");
        assertThat(problem.path("errors[0].field"), equalTo(name));
        return problem.path("detail");
    }

    /** {@code n} distinct conditions, each in its own OR group. */
    private static RequestSpecification conditions(int n) {
        RequestSpecification request = given();
        for (int i = 0; i < n; i++) {
            request.queryParam("where[or][" + i + "][durationMinutes][" + (i % 2 == 0 ? "gte" : "lte") + "]", i);
        }
        return request;
    }

    private static long createPatientOf(long doctor) {
        long patient = clinic.Fixtures.createPatient();
        clinic.Fixtures.createAppointment(doctor, patient, clinic.Fixtures.slot());
        return patient;
    }
}
