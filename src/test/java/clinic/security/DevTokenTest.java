package clinic.security;

import clinic.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static clinic.Fixtures.createDoctor;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Dev mode's token endpoint: a token per role that the service accepts; anything else is a 400 naming `as`. */
@QuarkusTest
class DevTokenTest {

    @Test
    void shouldAnswerATokenThatTheServiceAccepts() {
        long doctor = createDoctor();
        for (String as : List.of("admin", "clerk", "doctor:" + doctor, "patient:1")) {
            var reply = Api.anonymous().queryParam("as", as).get("/dev/token");
            assertEquals(200, reply.statusCode(), as);
            assertEquals("text/plain", reply.contentType().split(";")[0], as);
            assertEquals(200, Api.as(reply.asString()).get("/doctors?limit=1").statusCode(), as);
        }
    }

    @Test
    void shouldActForTheRowItNames() {
        long doctor = createDoctor();
        String token = Api.anonymous().queryParam("as", "doctor:" + doctor).get("/dev/token").asString();
        assertEquals(200, Api.as(token).contentType("application/json").body("{\"phone\": \"+1 555 0101\"}")
                .patch("/doctors/" + doctor).statusCode());
        assertEquals(403, Api.as(token).contentType("application/json").body("{\"phone\": \"+1 555 0101\"}")
                .patch("/doctors/" + createDoctor()).statusCode());
    }

    @Test
    void shouldRefuseAnUnknownRole() {
        for (String as : List.of("", "root", "doctor", "doctor:", "doctor:0", "doctor:x", "patient:-1", "admin ")) {
            var reply = Api.anonymous().queryParam("as", as).get("/dev/token");
            assertEquals(400, reply.statusCode(), as);
            assertEquals("application/problem+json", reply.contentType(), as);
            assertEquals("as", reply.jsonPath().getString("errors[0].field"), as);
        }
        assertEquals(400, Api.anonymous().get("/dev/token").statusCode());
    }
}
