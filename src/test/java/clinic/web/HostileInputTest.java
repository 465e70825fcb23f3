package clinic.web;

import clinic.Fixtures;
import clinic.web.HostileInputCases.Request;
import clinic.web.problem.Problem;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static clinic.Fixtures.assertProblem;
import static clinic.Fixtures.createAppointment;
import static clinic.Fixtures.createDoctor;
import static clinic.Fixtures.createPatient;
import static clinic.Fixtures.email;
import static clinic.Fixtures.json;
import static clinic.Fixtures.map;
import static clinic.Fixtures.slot;
import static clinic.Api.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property-based fuzz of the list query string and of JSON bodies for all three resources, with Accept and conditional headers,
 * malformed percent escapes and raw characters no URI may hold, and numbers or near-misses for instants and dates:
 * whatever comes in, the answer is never a 5xx, every error is problem+json that leaks nothing (the HTTP server's
 * own empty 400 for a target that is not a URI included), and a rejected write changes no row.
 * Seeded: the seed is printed, and {@code -Dhostile.seed=…} replays a run; {@code -Dhostile.cases=…} sets the
 * number of cases of each test.
 */
@QuarkusTest
class HostileInputTest {

    private static final long SEED = Long.getLong("hostile.seed", System.nanoTime());
    private static final int QUERY_CASES = Integer.getInteger("hostile.cases", 2000);
    /** Fewer: each write also snapshots the database twice. */
    private static final int BODY_CASES = Integer.getInteger("hostile.cases", 1000);
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*(\\d+)");
    /** Every row of the three tables, as text: any write shows. */
    private static final String SNAPSHOT = "select (select md5(coalesce(string_agg(t::text, '|' order by id), ''))"
            + " from doctors t) || (select md5(coalesce(string_agg(t::text, '|' order by id), '')) from patients t)"
            + " || (select md5(coalesce(string_agg(t::text, '|' order by id), '')) from appointments t)";

    @Inject
    DataSource dataSource;

    @Test
    void shouldAnswerHostileQueryStringsWithoutServerErrorsOrLeaks() throws IOException {
        HostileInputCases cases = cases("query strings", 1, QUERY_CASES);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < QUERY_CASES; i++) {
            Request request = cases.query();
            check(request, HostileInputClient.send("GET", request.target(), null, request.headers(), null, false),
                    failures);
        }
        assertNoFailures(failures);
    }

    @Test
    void shouldRejectHostileBodiesWithoutServerErrorsLeaksOrChanges() throws IOException, SQLException {
        HostileInputCases cases = cases("bodies", 2, BODY_CASES);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < BODY_CASES; i++) {
            Request request = cases.write();
            String before = snapshot();
            var reply = HostileInputClient.send(request.method(), request.target(), request.contentType(),
                    request.headers(), request.body(), false);
            check(request, reply, failures);
            if (reply.status() >= 300 && !before.equals(snapshot())) {
                failures.add(reply.status() + " but the database changed: " + request.describe());
            }
        }
        assertNoFailures(failures);
    }

    /** Found by the fuzz: PostgreSQL refuses NUL in text, which was a 500. */
    @Test
    void shouldRefuseNulCharactersAsBadRequest() {
        var created = json(Fixtures.doctor(email("dr"))).post("/doctors");
        long id = created.then().statusCode(201).extract().jsonPath().getLong("id");
        // with a replica (ReplicaHostileInputTest) the read at the end must see this write: send its token back
        String token = created.header("X-Consistency-Token");
        var problem = assertProblem(json(map("name", "Dr. Nul", "email", email("nul"), "phone", "a\u0000b"))
                .post("/doctors"), 400, "bad_request");
        assertThat(problem.path("errors[0].field"), equalTo("/phone"));
        assertProblem(json(map("name", "\u0000")).patch("/doctors/" + id), 400, "bad_request");
        assertProblem(given().urlEncodingEnabled(false).get("/doctors?where[name][like]=a%00b"), 400,
                "bad_request");
        (token == null ? given() : given().header("X-Consistency-Token", token)).get("/doctors/" + id)
                .then().statusCode(200).body("version", equalTo(0));
    }

    /** Found by the fuzz: an appointment ending past Instant.MAX, or years past PostgreSQL's range, were 500s. */
    @Test
    void shouldRefuseInstantsAndDatesOutsideYears1To9999() {
        long appointment = createAppointment(createDoctor(), createPatient(), slot());
        for (String date : List.of("+1000000000-12-31T23:59:59.999999999Z", "+294277-01-01T00:00:00Z",
                "-4714-01-01T00:00:00Z", "10000-01-01T00:00:00Z")) {
            var problem = assertProblem(json(map("date", date)).patch("/appointments/" + appointment), 400,
                    "bad_request");
            assertThat(problem.path("errors[0].field"), equalTo("/date"));
            assertProblem(given().queryParam("where[date][gte]", date).get("/appointments"), 400, "bad_request");
        }
        assertProblem(json(map("name", "Old", "email", email("old"), "birthDate", "-4714-01-01"))
                .post("/patients"), 400, "bad_request");
        given().queryParam("where[date][gte]", "9999-12-31T00:00:00Z").get("/appointments").then().statusCode(200);
    }

    /** Rows to read, PATCH and PUT; the generator draws from the test's own seed. */
    private HostileInputCases cases(String what, int stream, int count) {
        long doctor = createDoctor();
        long patient = createPatient();
        long appointment = createAppointment(doctor, patient, slot());
        System.out.printf("HostileInputTest %s: seed=%d cases=%d (replay with -Dhostile.seed=%d)%n", what, SEED,
                count, SEED);
        return new HostileInputCases(new Random(SEED * 31 + stream),
                Map.of("doctors", doctor, "patients", patient, "appointments", appointment));
    }

    private static void check(Request request, HostileInputClient.Reply reply, List<String> failures) {
        String problem = problemDefect(reply);
        if (problem != null && failures.size() < 40) {
            failures.add(reply.status() + " " + problem + ": " + request.describe() + " -> "
                    + abbreviate(reply.body()));
        }
    }

    /** What is wrong with the answer, or null: a 5xx, an error not in problem+json, a leak. */
    private static String problemDefect(HostileInputClient.Reply reply) {
        if (reply.status() >= 500) {
            return "server error";
        }
        if (reply.status() < 400) {
            return null;
        }
        if (!reply.contentType().startsWith(Problem.MEDIA_TYPE)) {
            return "not problem+json (" + reply.contentType() + ")";
        }
        Matcher status = STATUS.matcher(reply.body());
        if (!status.find() || Integer.parseInt(status.group(1)) != reply.status()
                || !reply.body().contains("\"code\":") || !reply.body().contains("\"detail\":")) {
            return "problem without status, code and detail";
        }
        return Fixtures.LEAK.matcher(reply.body()).find() ? "leak" : null;
    }

    private String snapshot() throws SQLException {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(SNAPSHOT)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void assertNoFailures(List<String> failures) {
        assertTrue(failures.isEmpty(), "seed " + SEED + " (replay with -Dhostile.seed=" + SEED + "), "
                + failures.size() + " failures:\n" + String.join("\n", failures));
    }

    private static String abbreviate(String s) {
        return s.length() <= 400 ? s : s.substring(0, 400) + "…";
    }
}
