package clinic;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import static clinic.Api.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** Rows made through the HTTP API, unique per call, and the checks every problem+json answer must pass. */
public final class Fixtures {

    private static final Instant YEAR_2100 = Instant.parse("2100-01-01T00:00:00Z");
    /** What an error body must never show: class names, stack frames, SQL. */
    public static final Pattern LEAK = Pattern.compile("(?i)exception|\\tat |\\b(java|jakarta|org|com|io|clinic)"
            + "\\.[a-z]+\\.|sqlstate|insert into|select .* from|delete from|update \\w+ set|violates|ERROR:"
            + "|(?-i:\\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\\.[a-z]\\w*\\()");

    private Fixtures() {
    }

    public static String email(String prefix) {
        return prefix + "-" + UUID.randomUUID() + "@clinic.test";
    }

    /** A 09:00 UTC start on a random day after 2100, so no two tests share a day. */
    public static Instant slot() {
        return YEAR_2100.plus(Duration.ofDays(ThreadLocalRandom.current().nextInt(300_000))).plus(Duration.ofHours(9));
    }

    public static RequestSpecification json(Object body) {
        return given().contentType(ContentType.JSON).body(body);
    }

    public static Map<String, Object> doctor(String email) {
        return map("name", "Dr. Test", "email", email, "specialty", "Cardiology", "phone", "+1 555 0100");
    }

    public static Map<String, Object> patient(String email) {
        return map("name", "Pat Test", "email", email, "phone", "+1 555 0200", "birthDate", "1984-03-01");
    }

    public static Map<String, Object> appointment(long doctorId, long patientId, Instant date) {
        return map("date", date.toString(), "doctorId", doctorId, "patientId", patientId, "reason", "Check-up");
    }

    public static long createDoctor() {
        return create("/doctors", doctor(email("dr")));
    }

    public static long createPatient() {
        return create("/patients", patient(email("pt")));
    }

    public static long createAppointment(long doctorId, long patientId, Instant date) {
        return create("/appointments", appointment(doctorId, patientId, date));
    }

    /** Doctors Ada and Bea, patients named Ann and Bob, of one tag: the include tests' people, before any booking. */
    public record People(long ada, long bea, long ann, long bob) {
    }

    public static People people(String tag) {
        People p = new People(create("/doctors", doctor("ada." + tag + "@clinic.test")),
                create("/doctors", doctor("bea." + tag + "@clinic.test")),
                create("/patients", patient("ann." + tag + "@clinic.test")),
                create("/patients", patient("bob." + tag + "@clinic.test")));
        json(Map.of("name", "Ann")).patch("/patients/" + p.ann()).then().statusCode(200);
        json(Map.of("name", "Bob")).patch("/patients/" + p.bob()).then().statusCode(200);
        return p;
    }

    /** POSTs the body and returns the new row's id, failing unless the answer is 201. */
    public static long create(String path, Map<String, Object> body) {
        return json(body).post(path).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static void delete(String path) {
        given().delete(path).then().statusCode(204);
    }

    /** A mutable map (values may be null), for bodies. */
    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /**
     * Asserts an RFC 9457 problem with this status and code, and that it leaks nothing of the implementation.
     * Returns it for further checks.
     */
    public static ExtractableResponse<Response> assertProblem(Response response, int status, String code) {
        ExtractableResponse<Response> r = response.then().statusCode(status)
                .contentType(startsWith("application/problem+json")).extract();
        assertThat(r.path("status"), equalTo(status));
        assertThat(r.path("code"), equalTo(code));
        assertThat(r.path("type"), notNullValue());
        assertThat(r.path("title"), notNullValue());
        assertThat(r.path("detail"), notNullValue());
        String body = r.asString();
        assertThat("leaks implementation details: " + body, LEAK.matcher(body).find(), is(false));
        return r;
    }
}
