package clinic.db;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static clinic.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class ReadinessTest {

    @Test
    void shouldBeReadyWithTheDatabaseCheckUp() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"),
                        "checks.name", hasItem(containsString("Database")),
                        "checks.find { it.name.contains('Database') }.status", equalTo("UP"));
    }
}
