package clinic.security;

import clinic.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static clinic.Fixtures.LEAK;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation of the OpenAPI document, called without a token and with a bad one: 401 problem+json with the
 * Bearer challenge. Generated from the document, so a new endpoint can never be left open by mistake.
 */
@QuarkusTest
class UnauthenticatedTest {

    @Test
    void shouldRefuseEveryOperationWithoutAToken() {
        List<String[]> operations = operations();
        assertTrue(operations.size() >= 25, "the document lists the model operations: " + operations.size());
        for (String[] op : operations) {
            Response r = call(Api.anonymous(), op);
            assertRefused(r, op, "Bearer");
        }
    }

    @Test
    void shouldRefuseEveryOperationWithAnInvalidToken() {
        for (String[] op : operations()) {
            Response r = call(Api.as("not-a-jwt"), op);
            assertRefused(r, op, "Bearer error=\"invalid_token\"");
        }
    }

    @Test
    void shouldServeThePublicPathsWithoutAToken() {
        for (String path : List.of("/q/health/ready", "/q/health/live", "/q/openapi", "/q/swagger-ui/")) {
            assertEquals(200, Api.anonymous().redirects().follow(false).get(path).statusCode(), path);
            assertEquals(200, Api.as("not-a-jwt").redirects().follow(false).get(path).statusCode(), path);
        }
        assertEquals(303, Api.anonymous().redirects().follow(false).get("/").statusCode());
    }

    private static void assertRefused(Response r, String[] op, String challenge) {
        String what = op[0] + " " + op[1];
        assertEquals(401, r.statusCode(), what);
        assertEquals("application/problem+json", r.contentType(), what);
        assertEquals("unauthenticated", r.jsonPath().getString("code"), what);
        assertEquals(challenge, r.header("WWW-Authenticate"), what);
        assertThat(what, r.asString(), not(matchesPattern("(?s).*" + LEAK.pattern() + ".*")));
    }

    /** Method and path of every operation in the document, ids filled in, dev mode's token endpoint left out. */
    @SuppressWarnings("unchecked")
    private static List<String[]> operations() {
        Map<String, Map<String, Object>> paths = Api.anonymous().get("/q/openapi?format=json").jsonPath().getMap("paths");
        List<String[]> ops = new ArrayList<>();
        paths.forEach((path, item) -> {
            if (!path.startsWith("/dev/")) {
                item.keySet().forEach(method -> ops.add(new String[]{method.toUpperCase(), path.replace("{id}", "1")}));
            }
        });
        return ops;
    }

    private static Response call(RequestSpecification request, String[] op) {
        return request.contentType("application/json").body(op[0].equals("GET") || op[0].equals("DELETE") ? "" : "{}")
                .request(op[0], op[1]);
    }
}
