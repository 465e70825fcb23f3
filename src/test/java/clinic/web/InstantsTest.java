package clinic.web;

import clinic.appointment.Appointment;
import clinic.doctor.Doctor;
import clinic.model.Model;
import clinic.model.ModelInfo;
import clinic.patient.Patient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static clinic.Api.given;
import static clinic.Fixtures.appointment;
import static clinic.Fixtures.assertProblem;
import static clinic.Fixtures.createDoctor;
import static clinic.Fixtures.createPatient;
import static clinic.Fixtures.doctor;
import static clinic.Fixtures.email;
import static clinic.Fixtures.json;
import static clinic.Fixtures.map;
import static clinic.Fixtures.patient;
import static clinic.Fixtures.slot;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Instants and dates as written, in bodies and query strings, for every time attribute the models have: strings
 * only, no leap second, no date-time for a date, nothing finer than the microseconds PostgreSQL keeps (what the
 * service answers is what it stored), and no instant the service writes past year 9999.
 */
@QuarkusTest
class InstantsTest {

    private static final Map<Class<? extends Model>, String> PATHS = Map.of(Doctor.class, "doctors",
            Patient.class, "patients", Appointment.class, "appointments");
    /** API.md: ignored in a body. */
    private static final List<String> ROW_METADATA = List.of("id", "createdAt", "updatedAt", "deletedAt", "version");
    private static final List<Object> NOT_STRINGS = List.of(0, 1_700_000_000, -1, 1.5, 1e20, true,
            List.of(2026, 1, 1), Map.of("seconds", 0));
    private static final List<String> BAD_INSTANTS = List.of("2030-06-30T23:59:60Z", "2030-06-30T23:59:60+02:00",
            "2030-01-07T09:00:00.0000001Z", "2030-01-07T09:00:00.123456789Z", "2030-01-07T09:00:00",
            "2030-01-07", "1700000000", "10000-01-01T00:00:00Z", "0000-12-31T23:59:59Z");
    private static final List<String> BAD_DATES = List.of("1984-03-01T10:00:00Z", "1984-03-01T00:00:00",
            "1984-03-01T23:30:00-05:00", "19840301", "+1984-03-01", "1984-3-1", "1984-02-30", "0000-01-01",
            "1984-03-01Z", "1700000000");

    @Test
    void shouldRefuseEveryTimeAttributeWrittenAsAnythingButItsOwnText() {
        List<String> failures = new ArrayList<>();
        for (var model : PATHS.entrySet()) {
            ModelInfo info = ModelInfo.of(model.getKey());
            for (var attribute : info.attributes().entrySet()) {
                Class<?> type = attribute.getValue();
                if (type != Instant.class && type != LocalDate.class) {
                    continue;
                }
                List<Object> bad = new ArrayList<>(NOT_STRINGS);
                bad.addAll(type == Instant.class ? BAD_INSTANTS : BAD_DATES);
                for (Object value : bad) {
                    String field = attribute.getKey();
                    if (writable(field)) {
                        Map<String, Object> body = valid(model.getValue());
                        body.put(field, value);
                        Response r = json(body).post("/" + model.getValue());
                        if (r.statusCode() != 400 || !("/" + field).equals(r.path("errors[0].field"))) {
                            failures.add("POST /" + model.getValue() + " " + field + "=" + value + ": " + r.asString());
                        }
                    }
                    if (value instanceof String text) {
                        String parameter = "where[" + field + "][gte]";
                        Response r = given().queryParam(parameter, text).get("/" + model.getValue());
                        if (r.statusCode() != 400 || !parameter.equals(r.path("errors[0].field"))) {
                            failures.add("GET /" + model.getValue() + "?" + parameter + "=" + text + ": "
                                    + r.statusCode());
                        }
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    }

    @Test
    void shouldAnswerWhatItStoredForEveryPrecisionItTakes() {
        for (int digits = 0; digits <= 9; digits++) {
            String fraction = digits == 0 ? "" : "." + "123456789".substring(0, digits);
            String date = slot().toString().replace("Z", fraction + "Z");
            Response created = json(withDate(date)).post("/appointments");
            if (digits > 6) {
                assertThat(date, created.statusCode(), equalTo(400));
                continue;
            }
            assertThat(date, created.statusCode(), equalTo(201));
            assertSameAsStored(created, "/appointments/" + created.path("id"), "date", "endsAt", "createdAt",
                    "updatedAt");
        }
        String zeros = slot().toString().replace("Z", ".123456000Z");
        assertThat(json(withDate(zeros)).post("/appointments").path("date"), equalTo(zeros.replace("000Z", "Z")));
        for (String resource : List.of("doctors", "patients")) {
            Response row = json(valid(resource)).post("/" + resource);
            assertSameAsStored(row, "/" + resource + "/" + row.path("id"), "createdAt", "updatedAt");
        }
    }

    @Test
    void shouldRefuseAnAppointmentEndingAfterYear9999() {
        Map<String, Object> body = appointment(createDoctor(), createPatient(), Instant.parse("9999-12-31T23:50:00Z"));
        for (int minutes : List.of(30, 10)) {
            body.put("durationMinutes", minutes);
            assertThat(assertProblem(json(body).post("/appointments"), 400, "validation").path("errors[0].field"),
                    equalTo("/endsAt"));
        }
        body.put("durationMinutes", 5);
        long id = json(body).post("/appointments").then().statusCode(201)
                .body("endsAt", equalTo("9999-12-31T23:55:00Z")).extract().jsonPath().getLong("id");
        assertProblem(json(map("durationMinutes", 10)).patch("/appointments/" + id), 400, "validation");
    }

    private static void assertSameAsStored(Response created, String path, String... fields) {
        Response stored = given().get(path);
        for (String field : fields) {
            assertEquals((Object) stored.path(field), created.path(field), path + " " + field);
        }
    }

    /** The date as written, not as Instant.toString would write it. */
    private static Map<String, Object> withDate(String date) {
        Map<String, Object> body = appointment(createDoctor(), createPatient(), slot());
        body.put("date", date);
        return body;
    }

    private static boolean writable(String field) {
        return !ROW_METADATA.contains(field) && !field.equals("endsAt");
    }

    private static Map<String, Object> valid(String resource) {
        return switch (resource) {
            case "doctors" -> doctor(email("dr"));
            case "patients" -> patient(email("pt"));
            default -> appointment(createDoctor(), createPatient(), slot());
        };
    }
}
