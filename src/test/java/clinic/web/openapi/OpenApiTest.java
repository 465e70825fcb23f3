package clinic.web.openapi;

import clinic.appointment.Appointment;
import clinic.doctor.Doctor;
import clinic.model.Model;
import clinic.model.ModelInfo;
import clinic.patient.Patient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static clinic.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OpenApiTest {

    private static final List<String> LISTS = List.of("get /doctors", "get /patients", "get /appointments",
            "get /doctors/{id}/appointments", "get /doctors/{id}/patients", "get /patients/{id}/appointments",
            "get /patients/{id}/doctors");
    private static final List<String> READS = List.of("get /doctors/{id}", "get /patients/{id}",
            "get /appointments/{id}");
    private static final Map<String, Class<? extends Model>> MODELS = Map.of("Doctor", Doctor.class,
            "Patient", Patient.class, "Appointment", Appointment.class);

    private static Map<String, Object> doc;

    /** Read once, on first use: RestAssured knows the test port only once Quarkus has started. */
    private static Map<String, Object> doc() {
        if (doc == null) {
            doc = given().queryParam("format", "json").when().get("/q/openapi")
                    .then().statusCode(200).extract().jsonPath().getMap("$");
        }
        return doc;
    }

    @Test
    void shouldDescribeEveryOperation() {
        for (String res : List.of("doctors", "patients", "appointments")) {
            for (String op : List.of("get /" + res, "post /" + res, "get /" + res + "/{id}", "patch /" + res + "/{id}",
                    "put /" + res + "/{id}", "delete /" + res + "/{id}", "post /" + res + "/{id}/restore")) {
                assertNotNull(map(operation(op), "summary"), op);
                assertNotNull(map(operation(op), "description"), op);
            }
        }
        LISTS.forEach(op -> assertNotNull(map(operation(op), "summary"), op));
        assertTrue(((String) map(operation("get /doctors"), "description")).contains("Doctor.findAndCountAll"));
    }

    @Test
    void shouldDocumentTheListQueryOnEveryList() {
        for (String op : LISTS) {
            Map<String, Map<String, Object>> params = parameters(op);
            assertTrue(params.keySet().containsAll(Set.of("where", "include", "order", "limit", "offset",
                    "attributes", "paranoid")), op + " " + params.keySet());
            assertEquals("deepObject", params.get("where").get("style"), op);
            assertEquals(1000, ((Number) map(params.get("limit"), "schema", "maximum")).intValue(), op);
            assertEquals(50, ((Number) map(params.get("limit"), "schema", "default")).intValue(), op);
        }
        for (String op : READS) {
            assertTrue(parameters(op).keySet().containsAll(Set.of("id", "include", "attributes", "paranoid")), op);
        }
    }

    @Test
    void shouldDocumentTheCountAsAFilteredReadWithoutAnId() {
        assertEquals(Set.of("where", "include", "group", "paranoid"), parameters("get /appointments/count").keySet());
        assertTrue(((String) parameters("get /appointments/count").get("group").get("description"))
                .contains("`status`, `doctorId`, `patientId`"));
        assertEquals(Set.of("200", "400", "401", "403", "503"), responses("get /appointments/count").keySet());
        assertEquals(2, ((List<?>) map(responses("get /appointments/count"), "200", "content", "application/json",
                "schema", "oneOf")).size());
    }

    @Test
    void shouldStartWhereWithNoFilterSoSwaggerUiSendsNothing() {
        Map<String, Object> examples = map(parameters("get /appointments").get("where"), "examples");
        Map<String, Object> first = map(examples, examples.keySet().iterator().next());
        assertEquals(Map.of(), first.get("value"));
        assertEquals(Map.of("date][gte", "2026-01-01T00:00:00Z"),
                map(examples, "where[date][gte]=2026-01-01T00:00:00Z", "value"));
    }

    @Test
    void shouldNameTheAssociationsAndFieldsTheModelAccepts() {
        assertMentions(parameters("get /appointments").get("include"), ModelInfo.of(Appointment.class)
                .associations().keySet());
        assertMentions(parameters("get /doctors/{id}/patients").get("include"), ModelInfo.of(Patient.class)
                .associations().keySet());
        assertMentions(parameters("get /doctors").get("include"), ModelInfo.of(Doctor.class).associations().keySet());
        MODELS.forEach((name, type) -> assertEquals(ModelInfo.of(type).attributes().keySet(),
                node(schema(name), "properties").keySet(), name));
    }

    @Test
    void shouldMarkColumnsTheServerWritesReadOnly() {
        for (String model : MODELS.keySet()) {
            for (String field : List.of("id", "createdAt", "updatedAt", "deletedAt", "version")) {
                assertEquals(true, map(schema(model), "properties", field, "readOnly"), model + "." + field);
            }
            assertNull(map(schema(model), "properties", "name", "readOnly"));
        }
        assertEquals(true, map(schema("Appointment"), "properties", "endsAt", "readOnly"));
    }

    /** What Swagger UI shows as a row is built from the properties' examples and defaults: it must be a real row. */
    @Test
    void shouldShowRowExamplesThatCouldBeReal() {
        for (String model : MODELS.keySet()) {
            Map<String, Map<String, Object>> properties = map(schema(model), "properties");
            assertTrue(properties.get("deletedAt").containsKey("examples"), model + ": deletedAt needs its null example");
            assertNull(((List<?>) properties.get("deletedAt").get("examples")).get(0), model + " live row");
            Instant created = Instant.parse((String) ((List<?>) properties.get("createdAt").get("examples")).get(0));
            Instant updated = Instant.parse((String) ((List<?>) properties.get("updatedAt").get("examples")).get(0));
            assertFalse(updated.isBefore(created), model);
        }
        Map<String, Map<String, Object>> appointment = map(schema("Appointment"), "properties");
        Instant date = Instant.parse((String) ((List<?>) appointment.get("date").get("examples")).get(0));
        Instant endsAt = Instant.parse((String) ((List<?>) appointment.get("endsAt").get("examples")).get(0));
        int minutes = ((Number) appointment.get("durationMinutes").get("default")).intValue();
        assertEquals(date.plusSeconds(60L * minutes), endsAt, "endsAt = date + durationMinutes");
    }

    @Test
    void shouldTakeTheModelAsRequestBody() {
        for (String[] op : new String[][]{{"post /doctors", "Doctor"}, {"post /patients", "PatientWithAppointments"},
                {"post /appointments", "Appointment"}, {"patch /appointments/{id}", "AppointmentPatch"},
                {"patch /doctors/{id}", "DoctorPatch"}, {"put /doctors/{id}", "Doctor"}}) {
            Map<String, Object> json = map(operation(op[0]), "requestBody", "content", "application/json");
            assertEquals("#/components/schemas/" + op[1], map(json, "schema", "$ref"), op[0]);
            assertFalse(node(json, "examples").isEmpty(), op[0]);
        }
    }

    @Test
    void shouldRequireNothingInAPatchBody() {
        for (String model : List.of("Doctor", "Patient", "Appointment")) {
            assertNull(map(schema(model + "Patch"), "required"), model);
            assertEquals(node(schema(model), "properties").keySet(), node(schema(model + "Patch"), "properties").keySet());
            assertEquals("#/components/schemas/" + model + "Patch", map(operation("patch /" + model.toLowerCase()
                    + "s/{id}"), "requestBody", "content", "application/json", "schema", "$ref"), model);
        }
    }

    @Test
    void shouldAnswerEveryErrorAsProblemJson() {
        Map<String, Map<String, Object>> paths = map(doc(), "paths");
        paths.forEach((path, item) -> item.forEach((method, op) -> {
            Map<String, Map<String, Object>> responses = map(op, "responses");
            responses.forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    assertEquals("#/components/schemas/Problem",
                            map(response, "content", "application/problem+json", "schema", "$ref"),
                            method + " " + path + " " + status);
                }
            });
            if (!path.startsWith("/dev/")) {
                assertTrue(responses.containsKey("503"), method + " " + path);
            }
        }));
    }

    @Test
    void shouldAskForABearerTokenOnEveryModelOperation() {
        assertEquals(Map.of("type", "http", "scheme", "bearer", "bearerFormat", "JWT"),
                Map.of("type", map(doc(), "components", "securitySchemes", "bearer", "type"),
                        "scheme", map(doc(), "components", "securitySchemes", "bearer", "scheme"),
                        "bearerFormat", map(doc(), "components", "securitySchemes", "bearer", "bearerFormat")));
        Map<String, Map<String, Object>> paths = map(doc(), "paths");
        paths.forEach((path, item) -> item.forEach((method, op) -> {
            if (path.startsWith("/dev/")) {
                assertEquals(List.of(Map.of()), ((Map<?, ?>) op).get("security"), path); // public, said so
                return;
            }
            assertEquals(List.of(Map.of("bearer", List.of())), ((Map<?, ?>) op).get("security"), method + " " + path);
            Map<String, Map<String, Object>> responses = map(op, "responses");
            assertTrue(responses.containsKey("401") && responses.containsKey("403"), method + " " + path);
        }));
    }

    @Test
    void shouldListOnlyTheErrorsAnOperationCanGive() {
        assertEquals(Set.of("201", "400", "401", "403", "409", "413", "422", "503"), responses("post /appointments").keySet());
        assertEquals(Set.of("201", "400", "401", "403", "409", "413", "503"), responses("post /doctors").keySet());
        assertEquals(Set.of("200", "400", "401", "403", "404", "409", "412", "413", "422", "503"),
                responses("patch /appointments/{id}").keySet());
        assertEquals(Set.of("200", "400", "401", "403", "404", "409", "412", "413", "503"),
                responses("put /patients/{id}").keySet());
        assertEquals(Set.of("200", "400", "401", "403", "503"), responses("get /appointments").keySet());
        assertEquals(Set.of("200", "400", "401", "403", "404", "503"), responses("get /doctors/{id}/patients").keySet());
        assertEquals(Set.of("204", "400", "401", "403", "404", "409", "503"), responses("delete /doctors/{id}").keySet());
        assertTrue(node(responses("delete /doctors/{id}"), "409", "content", "application/problem+json", "examples")
.containsKey("still_referenced"));
        assertTrue(node(responses("post /appointments"), "409", "content", "application/problem+json", "examples")
.containsKey("appointment_overlap"));
    }

    @Test
    void shouldDocumentTheLimits() {
        String info = map(doc(), "info", "description");
        for (String limit : List.of("64 KiB", "413 `payload_too_large`", "query string is at most 8 KiB",
                "`limit` at most 1000", "`include` at most 3 levels", "`where` at most 50 conditions", "bare 414",
                "year 0001 to 9999", "NUL")) {
            assertTrue(info.contains(limit), limit);
        }
        for (String op : LISTS) {
            Map<String, Map<String, Object>> params = parameters(op);
            assertTrue(((String) params.get("limit").get("description")).contains("at most 1000"), op);
            assertTrue(((String) params.get("include").get("description")).contains("at most 3 levels"), op);
            assertTrue(((String) params.get("where").get("description")).contains("At most 50 conditions"), op);
            assertTrue(((String) params.get("where").get("description")).contains("8 KiB"), op);
        }
        for (String op : List.of("post /doctors", "patch /patients/{id}", "put /appointments/{id}")) {
            assertTrue(node(responses(op), "413", "content", "application/problem+json", "examples")
                    .containsKey("payload_too_large"), op);
        }
        assertFalse(responses("get /doctors").containsKey("413"));
    }

    @Test
    void shouldDocumentTheSuccessHeaders() {
        assertTrue(node(responses("post /patients"), "201", "headers").containsKey("Location"));
        assertTrue(node(responses("get /patients/{id}"), "200", "headers").containsKey("ETag"));
        assertTrue(node(responses("patch /patients/{id}"), "200", "headers").containsKey("ETag"));
        Map<String, Object> list = map(responses("get /appointments"), "200");
        assertTrue(node(list, "headers").keySet().containsAll(Set.of("X-Total-Count", "Link")));
        assertEquals("array", map(list, "content", "application/json", "schema", "type"));
        assertEquals("#/components/schemas/Appointment",
                map(list, "content", "application/json", "schema", "items", "$ref"));
    }

    @Test
    void shouldServeSwaggerUi() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    private static Map<String, Object> operation(String methodAndPath) {
        String[] parts = methodAndPath.split(" ");
        Map<String, Object> op = map(doc(), "paths", parts[1], parts[0]);
        assertNotNull(op, methodAndPath);
        return op;
    }

    private static Map<String, Map<String, Object>> responses(String op) {
        return map(operation(op), "responses");
    }

    private static Map<String, Map<String, Object>> parameters(String op) {
        List<Map<String, Object>> params = map(operation(op), "parameters");
        return params.stream().collect(Collectors.toMap(p -> (String) p.get("name"), p -> p));
    }

    private static Map<String, Object> schema(String name) {
        return map(doc(), "components", "schemas", name);
    }

    private static void assertMentions(Map<String, Object> parameter, Set<String> names) {
        names.forEach(n -> assertTrue(((String) parameter.get("description")).contains("`" + n + "`"), n));
    }

    private static Map<String, Object> node(Object node, String... keys) {
        return map(node, keys);
    }

    @SuppressWarnings("unchecked")
    private static <T> T map(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            current = current == null ? null : ((Map<String, Object>) current).get(key);
        }
        return (T) current;
    }
}
