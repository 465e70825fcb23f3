package clinic.ops;

import clinic.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static clinic.Api.anonymous;
import static clinic.Api.as;
import static clinic.Api.given;
import static clinic.Fixtures.createDoctor;
import static clinic.Fixtures.createPatient;
import static clinic.Fixtures.json;
import static clinic.Fixtures.slot;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** /q/metrics: public Prometheus text with routes as templates, the pool, the JVM and the clinic's counters. */
@QuarkusTest
class MetricsTest {

    @Test
    void shouldServePrometheusTextWithoutAToken() {
        anonymous().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .contentType(containsString("text/plain")).body(containsString("# TYPE jvm_memory_used_bytes gauge"));
    }

    @Test
    void shouldTimeEachRouteByItsTemplateNeverByItsIds() {
        long doctor = createDoctor();
        given().get("/doctors/" + doctor).then().statusCode(200);
        given().get("/doctors/" + doctor + "/appointments").then().statusCode(200);
        given().get("/appointments/987654321").then().statusCode(404);
        String metrics = metrics();
        assertThat(metrics, containsString("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\","
                + "status=\"200\",uri=\"/doctors/{id}\"}"));
        assertThat(metrics, containsString("uri=\"/doctors/{id}/appointments\""));
        assertThat(metrics, containsString("status=\"404\",uri=\"/appointments/{id}\""));
        assertThat(metrics, containsString("http_server_requests_seconds_bucket{method=\"GET\",outcome=\"SUCCESS\","
                + "status=\"200\",uri=\"/doctors/{id}\",le=\"0.1\"}"));
        assertThat(metrics, not(containsString("/doctors/" + doctor)));
        assertThat(metrics, not(containsString("987654321")));
    }

    @Test
    void shouldShowThePoolTheJvmAndHibernate() {
        String metrics = metrics();
        for (String name : new String[]{"agroal_active_count{datasource=\"default\"}", "agroal_max_used_count",
                "agroal_awaiting_count", "jvm_memory_used_bytes", "jvm_threads_live_threads",
                "process_cpu_usage", "hibernate_statements_total"}) {
            assertThat(metrics, containsString(name));
        }
    }

    @Test
    void shouldCountBookingsAndTheConflictsRefused() {
        long doctor = createDoctor();
        Instant at = slot();
        double created = value("clinic_bookings_created_total");
        double conflicts = value("clinic_bookings_conflicts_total");
        book(doctor, createPatient(), at).then().statusCode(201);
        book(doctor, createPatient(), at).then().statusCode(409);
        assertEquals(created + 1, value("clinic_bookings_created_total"));
        assertEquals(conflicts + 1, value("clinic_bookings_conflicts_total"));
    }

    @Test
    void shouldCountRefusals() {
        double unauthenticated = value("clinic_access_refused_total{status=\"401\"}");
        double forbidden = value("clinic_access_refused_total{status=\"403\"}");
        anonymous().get("/doctors").then().statusCode(401);
        anonymous().auth().oauth2("not-a-token").get("/doctors").then().statusCode(401);
        as(Tokens.patient(1)).get("/audit-events").then().statusCode(403);
        assertEquals(unauthenticated + 2, value("clinic_access_refused_total{status=\"401\"}"));
        assertEquals(forbidden + 1, value("clinic_access_refused_total{status=\"403\"}"));
    }

    private static io.restassured.response.Response book(long doctor, long patient, Instant at) {
        return json(Map.of("doctorId", doctor, "patientId", patient, "date", at.toString())).post("/appointments");
    }

    private static String metrics() {
        return anonymous().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double value(String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
