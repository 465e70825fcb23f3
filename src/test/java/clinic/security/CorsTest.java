package clinic.security;

import clinic.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CORS for the origins CLINIC_CORS_ORIGINS names, exposing the headers a browser client reads; none for others. */
@QuarkusTest
@TestProfile(CorsTest.FrontDesk.class)
class CorsTest {

    /** The front desk's web app, on an origin of its own. */
    public static class FrontDesk implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("CLINIC_CORS_ORIGINS", "https://desk.clinic.test");
        }
    }

    @Test
    void shouldAllowTheConfiguredOrigin() {
        Response preflight = preflight("https://desk.clinic.test");
        assertEquals("https://desk.clinic.test", preflight.header("Access-Control-Allow-Origin"));
        assertTrue(preflight.header("Access-Control-Allow-Headers").contains("Authorization"));
        Response list = Api.given().header("Origin", "https://desk.clinic.test").get("/doctors?limit=1");
        assertEquals(200, list.statusCode());
        for (String exposed : new String[]{"X-Total-Count", "Link", "ETag", "Location", "X-Consistency-Token"}) {
            assertTrue(list.header("Access-Control-Expose-Headers").contains(exposed), exposed);
        }
    }

    @Test
    void shouldNotAllowAnotherOrigin() {
        assertNull(preflight("https://evil.example").header("Access-Control-Allow-Origin"));
        assertNull(Api.given().header("Origin", "https://evil.example").get("/doctors?limit=1")
                .header("Access-Control-Allow-Origin"));
    }

    private static Response preflight(String origin) {
        return Api.anonymous().header("Origin", origin).header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match").options("/doctors/1");
    }
}
