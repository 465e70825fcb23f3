package clinic.security;

import clinic.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNull;

/** Without CLINIC_CORS_ORIGINS no origin is allowed: browsers on other sites cannot read the API. */
@QuarkusTest
class CorsOffTest {

    @Test
    void shouldAllowNoOriginByDefault() {
        for (String origin : new String[]{"https://desk.clinic.test", "http://localhost:3000", "null"}) {
            assertNull(Api.anonymous().header("Origin", origin).header("Access-Control-Request-Method", "GET")
                    .options("/doctors").header("Access-Control-Allow-Origin"), origin);
            assertNull(Api.given().header("Origin", origin).get("/doctors?limit=1")
                    .header("Access-Control-Allow-Origin"), origin);
        }
    }
}
