package clinic.security;

import clinic.Api;
import clinic.Clinic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static clinic.Fixtures.LEAK;
import static clinic.Fixtures.appointment;
import static clinic.Fixtures.doctor;
import static clinic.Fixtures.email;
import static clinic.Fixtures.patient;
import static clinic.Fixtures.slot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * API.md's access table, cell by cell: each role × operation answers as written, on a clinic of its own; a refused
 * write names the field where one is at fault, and changes nothing (read back as admin).
 */
@QuarkusTest
class RolesTest {

    private static final List<String> CALLERS = List.of("admin", "clerk", "doctor", "patient", "nurse",
            "doctor without profile");

    /** One cell: the request, on a fresh clinic, and what each caller gets (403 when not listed). */
    private record Cell(String what, Function<Clinic, Request> request, Map<String, Integer> allowed) {
    }

    private record Request(String method, String path, Object body, String readBack) {
    }

    @Test
    void shouldAnswerEveryCellOfTheAccessTable() {
        List<String> wrong = new ArrayList<>();
        for (Cell cell : cells()) {
            for (String caller : CALLERS) {
                Clinic c = Clinic.create();
                Request r = cell.request.apply(c);
                int expected = cell.allowed.getOrDefault(caller, 403);
                String before = r.readBack == null ? null : Api.given().get(r.readBack).asString();
                Response answer = send(Api.as(c.token(caller)), r);
                String label = caller + ": " + cell.what + " (" + r.method + " " + r.path + ")";
                if (answer.statusCode() != expected) {
                    wrong.add(label + " answered " + answer.statusCode() + ", expected " + expected + ": "
                            + answer.asString());
                    continue;
                }
                if (expected >= 400) {
                    assertEquals("application/problem+json", answer.contentType(), label);
                    assertFalse(LEAK.matcher(answer.asString()).find(), label + ": " + answer.asString());
                    if (r.readBack != null) {
                        assertEquals(before, Api.given().get(r.readBack).asString(), label + " changed the row");
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void shouldNameTheFieldAWriteMayNotSet() {
        Clinic c = Clinic.create();
        String doctor = c.token("doctor");
        String patient = c.token("patient");
        assertFieldNamed(send(Api.as(doctor), new Request("POST", "/appointments",
                appointment(c.d2(), c.p1(), slot()), null)), "/doctorId", "doctor books for another doctor");
        assertFieldNamed(send(Api.as(doctor), new Request("PATCH", "/appointments/" + c.a11(),
                Map.of("doctorId", c.d2()), null)), "/doctorId", "doctor moves an appointment");
        assertFieldNamed(send(Api.as(doctor), new Request("PATCH", "/appointments/" + c.a11(),
                Map.of("patientId", c.p2()), null)), "/patientId", "doctor swaps the patient");
        assertFieldNamed(send(Api.as(patient), new Request("POST", "/appointments",
                appointment(c.d1(), c.p2(), slot()), null)), "/patientId", "patient books for another");
        Map<String, Object> arrived = new LinkedHashMap<>(appointment(c.d1(), c.p1(), slot()));
        arrived.put("status", "arrived");
        assertFieldNamed(send(Api.as(patient), new Request("POST", "/appointments", arrived, null)), "/status",
                "patient books with another status");
        assertFieldNamed(send(Api.as(patient), new Request("PATCH", "/appointments/" + c.a11(),
                Map.of("status", "fulfilled"), null)), "/status", "patient sets another status");
        assertFieldNamed(send(Api.as(patient), new Request("PATCH", "/appointments/" + c.a11(),
                Map.of("reason", "changed"), null)), "/reason", "patient changes the reason");
    }

    private static void assertFieldNamed(Response answer, String field, String label) {
        assertEquals(403, answer.statusCode(), label + ": " + answer.asString());
        assertEquals("forbidden", answer.jsonPath().getString("code"), label);
        assertEquals(field, answer.jsonPath().getString("errors[0].field"), label + ": " + answer.asString());
    }

    private static Response send(io.restassured.specification.RequestSpecification spec, Request r) {
        if (r.body != null) {
            spec = spec.contentType("application/json").body(r.body);
        }
        return spec.request(r.method, r.path);
    }

    private static Map<String, Integer> allow(Object... callerAndStatus) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < callerAndStatus.length; i += 2) {
            m.put((String) callerAndStatus[i], (Integer) callerAndStatus[i + 1]);
        }
        return m;
    }

    private static List<Cell> cells() {
        return List.of(
                new Cell("read doctors", c -> get("/doctors/" + c.d2()),
                        allow("admin", 200, "clerk", 200, "doctor", 200, "patient", 200)),
                new Cell("list doctors", c -> get("/doctors"),
                        allow("admin", 200, "clerk", 200, "doctor", 200, "patient", 200)),
                new Cell("create doctors", c -> new Request("POST", "/doctors", doctor(email("dr")), null),
                        allow("admin", 201, "clerk", 201)),
                new Cell("update another doctor", c -> patch("/doctors/" + c.d2(), Map.of("phone", "+1 555 0111")),
                        allow("admin", 200, "clerk", 200)),
                new Cell("update own doctor row", c -> patch("/doctors/" + c.d1(), Map.of("phone", "+1 555 0112")),
                        allow("admin", 200, "clerk", 200, "doctor", 200)),
                new Cell("soft-delete doctors", c -> delete("/doctors/" + c.d1()),
                        allow("admin", 204, "clerk", 204)),
                new Cell("read own patient", c -> get("/patients/" + c.p1()),
                        allow("admin", 200, "clerk", 200, "doctor", 200, "patient", 200)),
                new Cell("read another patient", c -> get("/patients/" + c.p2()),
                        allow("admin", 200, "clerk", 200, "doctor", 404, "patient", 404)),
                new Cell("list patients", c -> get("/patients"),
                        allow("admin", 200, "clerk", 200, "doctor", 200, "patient", 200)),
                new Cell("create patients", c -> new Request("POST", "/patients", patient(email("pt")), null),
                        allow("admin", 201, "clerk", 201)),
                new Cell("update self", c -> patch("/patients/" + c.p1(), Map.of("phone", "+1 555 0113")),
                        allow("admin", 200, "clerk", 200, "patient", 200)),
                new Cell("update another patient", c -> patch("/patients/" + c.p2(), Map.of("phone", "+1 555 0114")),
                        allow("admin", 200, "clerk", 200, "patient", 404)),
                new Cell("soft-delete patients", c -> delete("/patients/" + c.p1()),
                        allow("admin", 204, "clerk", 204)),
                new Cell("read own appointment", c -> get("/appointments/" + c.a11()),
                        allow("admin", 200, "clerk", 200, "doctor", 200, "patient", 200)),
                new Cell("read another's appointment", c -> get("/appointments/" + c.a22()),
                        allow("admin", 200, "clerk", 200, "doctor", 404, "patient", 404)),
                new Cell("read own patient's visit to another doctor", c -> get("/appointments/" + c.a21()),
                        allow("admin", 200, "clerk", 200, "doctor", 404, "patient", 200)),
                new Cell("create own appointment", c -> new Request("POST", "/appointments",
                        appointment(c.d1(), c.p1(), slot()), null),
                        allow("admin", 201, "clerk", 201, "doctor", 201, "patient", 201)),
                new Cell("doctor books a patient new to them", c -> new Request("POST", "/appointments",
                        appointment(c.d1(), c.p2(), slot()), null),
                        allow("admin", 201, "clerk", 201, "doctor", 201)),
                new Cell("book for another doctor", c -> new Request("POST", "/appointments",
                        appointment(c.d2(), c.p2(), slot()), null),
                        allow("admin", 201, "clerk", 201)),
                new Cell("reschedule own appointment", c -> patch("/appointments/" + c.a11(),
                        Map.of("reason", "Follow-up")),
                        allow("admin", 200, "clerk", 200, "doctor", 200)),
                new Cell("cancel own appointment", c -> patch("/appointments/" + c.a11(),
                        Map.of("status", "cancelled")),
                        allow("admin", 200, "clerk", 200, "doctor", 200, "patient", 200)),
                new Cell("update another's appointment", c -> patch("/appointments/" + c.a22(),
                        Map.of("status", "cancelled")),
                        allow("admin", 200, "clerk", 200, "doctor", 404, "patient", 404)),
                new Cell("soft-delete appointments", c -> delete("/appointments/" + c.a11()),
                        allow("admin", 204, "clerk", 204)),
                new Cell("force delete", c -> delete("/appointments/" + c.a11() + "?force=true"),
                        allow("admin", 204)),
                new Cell("restore", c -> new Request("POST", "/doctors/" + c.d1() + "/restore", null,
                        "/doctors/" + c.d1() + "?paranoid=false"), allow("admin", 200)),
                new Cell("paranoid=false", c -> get("/doctors?paranoid=false"), allow("admin", 200)),
                new Cell("paranoid=false on an include", c -> get("/doctors/" + c.d1()
                        + "?include[0][association]=appointments&include[0][paranoid]=false"), allow("admin", 200)),
                new Cell("association read", c -> get("/doctors/" + c.d1() + "/patients"),
                        allow("admin", 200, "clerk", 200, "doctor", 200, "patient", 200)),
                new Cell("search the audit trail", c -> get("/audit-events?limit=1"), allow("admin", 200)),
                new Cell("own access log", c -> get("/patients/" + c.p1() + "/access-log"),
                        allow("admin", 200, "patient", 200)),
                new Cell("another patient's access log", c -> get("/patients/" + c.p2() + "/access-log"),
                        allow("admin", 200, "patient", 404)));
    }

    private static Request get(String path) {
        return new Request("GET", path, null, null);
    }

    private static Request patch(String path, Map<String, Object> body) {
        return new Request("PATCH", path, body, path + "?paranoid=false");
    }

    private static Request delete(String path) {
        String row = path.replaceAll("\\?.*", "");
        return new Request("DELETE", path, null, row + "?paranoid=false");
    }
}
