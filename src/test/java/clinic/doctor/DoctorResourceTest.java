package clinic.doctor;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class DoctorResourceTest {

    @Test
    void shouldCreateAndReadDoctor() {
        String email = "dr-" + UUID.randomUUID() + "@clinic.test";
        int id = given().contentType(ContentType.JSON)
                .body("{\"name\":\"  Dr. Who \",\"email\":\"" + email + "\"}")
                .when().post("/doctors")
                .then().statusCode(201).header("Location", notNullValue())
                .body("name", equalTo("Dr. Who"))
                .extract().path("id");
        given().when().get("/doctors/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"0\"")).body("email", equalTo(email));
    }
}
