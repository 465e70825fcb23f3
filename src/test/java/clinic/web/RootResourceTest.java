package clinic.web;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static clinic.Api.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class RootResourceTest {

    @Test
    void shouldRedirectRootToSwaggerUi() {
        given().redirects().follow(false).get("/")
                .then().statusCode(303).header("Location", equalTo("/q/swagger-ui"));
        given().get("/").then().statusCode(200);
    }
}
