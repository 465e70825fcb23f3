package clinic.web.query;

import clinic.appointment.Appointment;
import clinic.doctor.Doctor;
import clinic.model.Model;
import clinic.model.ModelInfo;
import clinic.model.Op;
import clinic.patient.Patient;
import clinic.web.problem.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static clinic.Api.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operator on every attribute of every model (from {@link ModelInfo}) with every kind of value: never a 5xx;
 * a refusal is a 400 problem naming the parameter, and {@code is}/{@code not} true or false on an attribute that
 * is not boolean is one.
 */
@QuarkusTest
class OperatorSpaceTest {

    private static final Map<Class<? extends Model>, String> PATHS = Map.of(Doctor.class, "/doctors",
            Patient.class, "/patients", Appointment.class, "/appointments");

    @Test
    void shouldAnswerEveryOperatorAttributeAndValueKindWithoutServerError() {
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (var model : PATHS.entrySet()) {
            for (var attribute : ModelInfo.of(model.getKey()).attributes().entrySet()) {
                for (Op op : Op.values()) {
                    for (String value : valueKinds(attribute.getValue())) {
                        String parameter = "where[" + attribute.getKey() + "][" + op + "]";
                        String failure = check(model.getValue(), parameter, value, attribute.getValue(), op);
                        cases++;
                        if (failure != null && failures.size() < 40) {
                            failures.add(model.getValue() + "?" + parameter + "=" + value + ": " + failure);
                        }
                    }
                }
            }
        }
        assertTrue(cases > 1000, cases + " cases");
        assertTrue(failures.isEmpty(), failures.size() + " of " + cases + " failed:\n" + String.join("\n", failures));
    }

    private static String check(String path, String parameter, String value, Class<?> type, Op op) {
        Response r = given().queryParam(parameter, value).get(path);
        int status = r.statusCode();
        if (status >= 500) {
            return status + " " + r.asString();
        }
        boolean truth = value.equals("true") || value.equals("false");
        if ((op == Op.is || op == Op.not) && truth && type != Boolean.class && status != 400) {
            return "expected 400 for " + op + " " + value + " on a " + type.getSimpleName() + ", got " + status;
        }
        if (status == 200) {
            return null;
        }
        if (status != 400 || !r.contentType().startsWith(Problem.MEDIA_TYPE)) {
            return status + " " + r.contentType();
        }
        String field = r.path("errors[0].field");
        return parameter.equals(field) ? null : "400 names " + field + ", not the parameter: " + r.asString();
    }

    /** A valid value of the type, lists of them, null and the booleans, and values of other types. */
    private static List<String> valueKinds(Class<?> type) {
        String valid = valid(type);
        return List.of(valid, valid + "," + valid, "null", "true", "false", "", "x", "\\");
    }

    private static String valid(Class<?> type) {
        if (type == Long.class || type == Integer.class) {
            return "30";
        }
        if (type == Instant.class) {
            return "2030-01-07T09:00:00Z";
        }
        if (type == LocalDate.class) {
            return "2000-01-01";
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0].toString();
        }
        return "ann";
    }
}
