package clinic.security;

import clinic.Api;
import clinic.Clinic;
import clinic.appointment.Appointment;
import clinic.doctor.Doctor;
import clinic.model.Association;
import clinic.model.Model;
import clinic.model.ModelInfo;
import clinic.patient.Patient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The leak matrix: for a doctor and a patient, every route with every include path up to three levels, its
 * X-Total-Count and Link: no row outside the caller's records ever appears, and an id outside them answers exactly
 * what a missing id answers.
 */
@QuarkusTest
class NarrowingTest {

    private static final Map<String, Class<? extends Model>> RESOURCES = Map.of(
            "doctors", Doctor.class, "patients", Patient.class, "appointments", Appointment.class);
    private static final long MISSING = 999_999_999L;

    /** What the caller may see: every doctor, these patients, the appointments of this doctor or patient. */
    private record Visible(Set<Long> patients, String appointmentOwner, long ownerId) {
    }

    @Test
    void shouldShowADoctorOnlyTheirOwnAppointmentsAndPatients() {
        Clinic c = Clinic.create();
        Set<Long> seen = ids(Api.given().get("/doctors/" + c.d1() + "/patients?limit=1000"));
        assertEquals(Set.of(c.p1()), seen);
        check(c, c.token("doctor"), new Visible(seen, "doctorId", c.d1()));
    }

    @Test
    void shouldShowAPatientOnlyThemself() {
        Clinic c = Clinic.create();
        check(c, c.token("patient"), new Visible(Set.of(c.p1()), "patientId", c.p1()));
    }

    @Test
    void shouldAnswerOutOfScopeIdsAsMissingOnes() {
        Clinic c = Clinic.create();
        String doctor = c.token("doctor");
        String patient = c.token("patient");
        assertSameAsMissing(doctor, "/patients/%d", c.p2());
        assertSameAsMissing(doctor, "/patients/%d/appointments", c.p2());
        assertSameAsMissing(doctor, "/appointments/%d", c.a21());
        assertSameAsMissing(patient, "/patients/%d", c.p2());
        assertSameAsMissing(patient, "/patients/%d/doctors", c.p2());
        assertSameAsMissing(patient, "/appointments/%d", c.a22());
        for (String token : List.of(doctor, patient)) {
            Response hidden = Api.as(token).header("X-Request-Id", "probe-write").contentType("application/json")
                    .body("{\"status\": \"cancelled\"}").patch("/appointments/" + c.a22());
            Response missing = Api.as(token).header("X-Request-Id", "probe-write").contentType("application/json")
                    .body("{\"status\": \"cancelled\"}").patch("/appointments/" + MISSING);
            assertEquals(missing.statusCode(), hidden.statusCode());
            assertEquals(missing.asString().replace(" " + MISSING + " ", " ID "),
                    hidden.asString().replace(" " + c.a22() + " ", " ID "));
        }
    }

    @Test
    void shouldCountAndPageOnlyVisibleRows() {
        Clinic c = Clinic.create();
        Response mine = Api.as(c.token("patient")).get("/appointments?where[doctorId][in]=" + c.d1() + "," + c.d2()
                + "&limit=1");
        assertEquals("2", mine.header("X-Total-Count"));
        assertTrue(mine.header("Link").contains("rel=\"next\""));
        Response patients = Api.as(c.token("patient")).get("/patients?limit=1");
        assertEquals("1", patients.header("X-Total-Count"));
        assertFalse(patients.header("Link").contains("rel=\"next\""));
        Response d1 = Api.as(c.token("doctor")).get("/doctors/" + c.d2() + "/patients");
        assertEquals("0", d1.header("X-Total-Count"), "d1 sees none of d2's patients it has not seen itself");
        Response p1doctors = Api.as(c.token("doctor")).get("/patients/" + c.p1() + "/doctors");
        assertEquals(Set.of(c.d1()), ids(p1doctors), "p1's visit to d2 is not d1's to see");
    }

    private static void assertSameAsMissing(String token, String path, long hiddenId) {
        // the same X-Request-Id for both, as a prober would send: then nothing may differ but the id in the path
        String requestId = "probe-" + hiddenId;
        Response hidden = Api.as(token).header("X-Request-Id", requestId).get(String.format(path, hiddenId));
        Response missing = Api.as(token).header("X-Request-Id", requestId).get(String.format(path, MISSING));
        assertEquals(404, hidden.statusCode(), path);
        assertEquals(missing.statusCode(), hidden.statusCode(), path);
        assertEquals(missing.headers().asList().stream().map(h -> h.getName()).sorted().toList(),
                hidden.headers().asList().stream().map(h -> h.getName()).sorted().toList(), path);
        assertEquals(missing.asString().replace(" " + MISSING + " ", " ID "),
                hidden.asString().replace(" " + hiddenId + " ", " ID "), path);
    }

    private void check(Clinic c, String token, Visible visible) {
        List<String> leaks = new ArrayList<>();
        Map<String, List<Long>> rows = Map.of("doctors", List.of(c.d1(), c.d2()), "patients", List.of(c.p1(), c.p2()),
                "appointments", List.of(c.a11(), c.a22(), c.a21()));
        RESOURCES.forEach((path, model) -> {
            for (String include : includes(model, 3)) {
                String q = include.isEmpty() ? "?limit=1000" : "?limit=1000&include=" + include;
                walk(Api.as(token).get("/" + path + q), model, include, visible, leaks);
                for (long id : rows.get(path)) {
                    String one = include.isEmpty() ? "" : "?include=" + include;
                    walk(Api.as(token).get("/" + path + "/" + id + one), model, include, visible, leaks);
                }
            }
            ModelInfo.of(model).associations().values().forEach(a -> {
                if (path.equals("appointments")) {
                    return;
                }
                for (long id : rows.get(path)) {
                    for (String include : includes(a.target(), 2)) {
                        String q = include.isEmpty() ? "" : "?include=" + include;
                        walk(Api.as(token).get("/" + path + "/" + id + "/" + a.name() + q), a.target(), include,
                                visible, leaks);
                    }
                }
            });
        });
        assertTrue(leaks.isEmpty(), String.join("\n", leaks));
    }

    /** Every include path of a model up to {@code depth} levels, the empty one first. */
    private static List<String> includes(Class<? extends Model> model, int depth) {
        List<String> paths = new ArrayList<>();
        paths.add("");
        if (depth > 0) {
            for (Association a : ModelInfo.of(model).associations().values()) {
                for (String below : includes(a.target(), depth - 1)) {
                    paths.add(below.isEmpty() ? a.name() : a.name() + "." + below);
                }
            }
        }
        return paths;
    }

    private static void walk(Response r, Class<? extends Model> model, String include, Visible visible,
                             List<String> leaks) {
        if (r.statusCode() == 404) {
            return;
        }
        if (r.statusCode() != 200) {
            leaks.add(r.statusCode() + " for include=" + include + ": " + r.asString());
            return;
        }
        Object body = r.jsonPath().get("$");
        List<?> rows = body instanceof List<?> list ? list : List.of(body);
        String total = r.header("X-Total-Count");
        if (total != null && Long.parseLong(total) <= 1000 && Long.parseLong(total) != rows.size()) {
            leaks.add("X-Total-Count " + r.header("X-Total-Count") + " but " + rows.size() + " rows, include=" + include);
        }
        rows.forEach(row -> visit(model, (Map<?, ?>) row, include, visible, leaks));
    }

    private static void visit(Class<? extends Model> model, Map<?, ?> row, String include, Visible visible,
                              List<String> leaks) {
        long id = ((Number) row.get("id")).longValue();
        if (model == Patient.class && !visible.patients.contains(id)) {
            leaks.add("patient " + id + " shown (include=" + include + ")");
        }
        if (model == Appointment.class
                && ((Number) row.get(visible.appointmentOwner)).longValue() != visible.ownerId) {
            leaks.add("appointment " + id + " shown (include=" + include + ")");
        }
        for (Association a : ModelInfo.of(model).associations().values()) {
            Object value = row.get(a.name());
            if (value instanceof Map<?, ?> one) {
                visit(a.target(), one, include, visible, leaks);
            } else if (value instanceof List<?> many) {
                many.forEach(m -> visit(a.target(), (Map<?, ?>) m, include, visible, leaks));
            }
        }
    }

    private static Set<Long> ids(Response r) {
        Set<Long> ids = new HashSet<>();
        r.jsonPath().getList("id", Number.class).forEach(n -> ids.add(n.longValue()));
        return ids;
    }
}
