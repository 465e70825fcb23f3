package clinic.web;

import clinic.web.problem.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
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
import java.util.function.BiFunction;

import static clinic.Api.given;
import static clinic.Fixtures.appointment;
import static clinic.Fixtures.createAppointment;
import static clinic.Fixtures.createDoctor;
import static clinic.Fixtures.createPatient;
import static clinic.Fixtures.doctor;
import static clinic.Fixtures.email;
import static clinic.Fixtures.map;
import static clinic.Fixtures.patient;
import static clinic.Fixtures.slot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accept over every operation of every resource: a media type JSON cannot satisfy is a 406 problem+json and the
 * database is as before (writes included); JSON's own ranges, wildcards and no Accept at all get JSON.
 */
@QuarkusTest
class AcceptTest {

    static final List<String> REFUSED = List.of("application/xml", "text/html", "text/plain", "text/*", "image/png",
            "application/problem+json", "application/json;q=0", "application/json;q=0, text/html", "*/*;q=0",
            "application/*;q=0, */*", "application/json;q=0, */*;q=1", "not a media type");
    static final List<String> ACCEPTED = List.of("*/*", "application/*", "application/json",
            "application/json;charset=UTF-8", "text/html, application/json;q=0.1",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/*;q=0.5, text/*;q=0");
    private static final String SNAPSHOT = "select (select md5(coalesce(string_agg(t::text, '|' order by id), ''))"
            + " from doctors t) || (select md5(coalesce(string_agg(t::text, '|' order by id), '')) from patients t)"
            + " || (select md5(coalesce(string_agg(t::text, '|' order by id), '')) from appointments t)";

    @Inject
    DataSource dataSource;

    /** Every operation; each request gets the Accept to try and answers what it answers. */
    private List<BiFunction<String, Map<String, Long>, Response>> operations() {
        List<BiFunction<String, Map<String, Long>, Response>> all = new ArrayList<>();
        for (String res : List.of("doctors", "patients", "appointments")) {
            all.add((accept, ids) -> given().accept(accept).get("/" + res));
            all.add((accept, ids) -> given().accept(accept).get("/" + res + "/" + ids.get(res)));
            all.add((accept, ids) -> given().accept(accept).contentType("application/json").body(body(res, ids))
                    .post("/" + res));
            all.add((accept, ids) -> given().accept(accept).contentType("application/json")
                    .body(res.equals("appointments") ? map("reason", "changed") : map("phone", "+1 555 0199"))
                    .patch("/" + res + "/" + ids.get(res)));
            all.add((accept, ids) -> given().accept(accept).contentType("application/json").body(body(res, ids))
                    .put("/" + res + "/" + ids.get(res)));
            all.add((accept, ids) -> given().accept(accept).delete("/" + res + "/" + ids.get(res)));
            all.add((accept, ids) -> given().accept(accept).post("/" + res + "/" + ids.get(res) + "/restore"));
        }
        for (String association : List.of("/doctors/%d/appointments", "/doctors/%d/patients",
                "/patients/%d/appointments", "/patients/%d/doctors")) {
            String owner = association.substring(1, association.indexOf('/', 1));
            all.add((accept, ids) -> given().accept(accept).get(String.format(association, ids.get(owner))));
        }
        return all;
    }

    @Test
    void shouldRefuseUnacceptableMediaTypesBeforeAnyWrite() throws SQLException {
        Map<String, Long> ids = rows();
        List<String> failures = new ArrayList<>();
        var operations = operations();
        for (String accept : REFUSED) {
            for (int i = 0; i < operations.size(); i++) {
                String before = snapshot();
                Response r = operations.get(i).apply(accept, ids);
                if (r.statusCode() != 406 || !r.contentType().startsWith(Problem.MEDIA_TYPE)
                        || !"not_acceptable".equals(r.path("code"))) {
                    failures.add("operation " + i + " Accept: " + accept + " -> " + r.statusCode() + " "
                            + r.contentType());
                }
                if (!before.equals(snapshot())) {
                    failures.add("operation " + i + " Accept: " + accept + " changed the database");
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    }

    @Test
    void shouldAnswerJsonToJsonWildcardsAndNoAccept() {
        List<String> failures = new ArrayList<>();
        var operations = operations();
        for (String accept : ACCEPTED) {
            Map<String, Long> ids = rows();
            for (int i = 0; i < operations.size(); i++) {
                Response r = operations.get(i).apply(accept, ids);
                boolean json = r.statusCode() == 204 || r.contentType().startsWith("application/json");
                if (r.statusCode() >= 300 || !json) {
                    failures.add("operation " + i + " Accept: " + accept + " -> " + r.statusCode() + " "
                            + r.contentType() + " " + r.asString());
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    }

    @Test
    void shouldAnswerJsonWithoutAccept() throws IOException {
        HostileInputClient.Reply reply = HostileInputClient.get("/doctors/" + createDoctor());
        assertEquals(200, reply.status());
        assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
    }

    private static Map<String, Long> rows() {
        long doctor = createDoctor();
        long patient = createPatient();
        return Map.of("doctors", doctor, "patients", patient, "appointments",
                createAppointment(doctor, patient, slot()));
    }

    private static Map<String, Object> body(String resource, Map<String, Long> ids) {
        return switch (resource) {
            case "doctors" -> doctor(email("dr"));
            case "patients" -> patient(email("pt"));
            default -> appointment(ids.get("doctors"), ids.get("patients"), slot());
        };
    }

    private String snapshot() throws SQLException {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(SNAPSHOT)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
