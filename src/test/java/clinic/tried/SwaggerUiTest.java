package clinic.tried;

import clinic.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URL;
import java.util.UUID;

import static clinic.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Swagger UI in a real browser: a list with includes and a validation error, as a person would try them. */
@QuarkusTest
class SwaggerUiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/q/swagger-ui")
    URL swaggerUi;

    @Test
    void shouldListAppointmentsWithDoctorAndPatientFromSwaggerUi() throws IOException {
        long doctorId = create("/doctors", "{\"name\":\"Dr. Swagger\",\"email\":\"" + email() + "\"}");
        long patientId = create("/patients", "{\"name\":\"Pat Swagger\",\"email\":\"" + email() + "\"}");
        create("/appointments", "{\"date\":\"2098-06-01T09:00:00Z\",\"doctorId\":" + doctorId
                + ",\"patientId\":" + patientId + "}");
        try (SwaggerUi ui = SwaggerUi.open(swaggerUi, "swagger-ui-appointments")) {
            ui.authorize(devToken("clerk"));
            ui.reload();
            WebElement op = ui.expand("GET", "/appointments");
            ui.tryItOut(op);
            ui.fill(op, "include", "doctor,patient");
            ui.fill(op, "limit", "5");
            String status = ui.execute(op);
            assertEquals("200", status, () -> "Swagger UI showed " + status + " for " + ui.requestUrl(op) + ": "
                    + ui.responseBody(op));
            JsonNode rows = JSON.readTree(ui.responseBody(op));
            assertTrue(rows.isArray() && rows.size() >= 1 && rows.size() <= 5, "1 to 5 rows: " + rows);
            for (JsonNode row : rows) {
                assertEquals(row.path("doctorId"), row.path("doctor").path("id"), "row carries its doctor: " + row);
                assertEquals(row.path("patientId"), row.path("patient").path("id"), "row carries its patient: " + row);
            }
            assertTrue(ui.responseHeaders(op).contains("x-total-count"), "X-Total-Count shown");
        }
    }

    @Test
    void shouldShowProblemForBlankNameFromSwaggerUi() throws IOException {
        try (SwaggerUi ui = SwaggerUi.open(swaggerUi, "swagger-ui-blank-name")) {
            ui.authorize(devToken("admin"));
            WebElement op = ui.expand("POST", "/patients");
            ui.tryItOut(op);
            ui.fillBody(op, "{\"name\": \"   \", \"email\": \"" + email() + "\"}");
            String status = ui.execute(op);
            assertEquals("400", status, () -> "Swagger UI showed " + status + ": " + ui.responseBody(op));
            assertTrue(ui.responseHeaders(op).contains("application/problem+json"), ui.responseHeaders(op));
            JsonNode problem = JSON.readTree(ui.responseBody(op));
            assertEquals("validation", problem.path("code").asText(), problem.toString());
            assertFalse(problem.path("errors").findValuesAsText("field").isEmpty(), problem.toString());
            assertTrue(problem.path("errors").findValuesAsText("field").contains("/name"), problem.toString());
        }
    }

    private static long create(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path)
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void shouldAnswer401UntilAuthorized() throws IOException {
        try (SwaggerUi ui = SwaggerUi.open(swaggerUi, "swagger-ui-unauthorized")) {
            WebElement op = ui.expand("GET", "/doctors");
            ui.tryItOut(op);
            String status = ui.execute(op);
            assertEquals("401", status, () -> "Swagger UI showed " + status + ": " + ui.responseBody(op));
            assertEquals("unauthenticated", JSON.readTree(ui.responseBody(op)).path("code").asText());
        }
    }

    /** The token a person gets from dev mode's /dev/token, with curl or the browser. */
    private static String devToken(String as) {
        return Api.anonymous().queryParam("as", as).get("/dev/token").then().statusCode(200).extract().asString();
    }

    private static String email() {
        return "swagger-" + UUID.randomUUID() + "@clinic.test";
    }
}
