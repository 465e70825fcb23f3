package clinic.web;

import clinic.web.HostileInputClient.Reply;
import clinic.web.problem.Problem;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static clinic.Fixtures.create;
import static clinic.Fixtures.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed percent escapes and raw characters a URI may not hold, in the path, a query key and a query value:
 * always a problem+json or an answer, never the HTTP server's empty 400; a lone % is a literal %, as in qs.
 */
@QuarkusTest
class PercentEscapesTest {

    static final List<String> MALFORMED = List.of("%", "%z", "%zz", "%a", "%an", "%G0", "%%", "%%41", "%E2%82",
            "%C0%AF", "100%", "{", "}", "|", "^", "\"", "`", "<", ">", "\\", "\u00e9", "#", "[", "]");

    @Test
    void shouldAnswerEveryMalformedEscapeWithProblemJsonOrRows() throws IOException {
        List<String> failures = new ArrayList<>();
        for (String bad : MALFORMED) {
            for (String target : List.of("/doctors/" + bad, "/doctors/1" + bad + "/patients", "/doctors?" + bad,
                    "/doctors?" + bad + "=1", "/doctors?where[name][like]=" + bad, "/doctors?where[" + bad + "]=x",
                    "/patients?where[or][0][name][iLike]=" + bad + "ann" + bad)) {
                Reply reply = HostileInputClient.get(target);
                boolean answered = reply.status() == 200 && reply.contentType().startsWith("application/json");
                boolean problem = reply.status() >= 400 && reply.status() < 500
                        && reply.contentType().startsWith(Problem.MEDIA_TYPE) && reply.body().contains("\"code\"");
                if (!answered && !problem) {
                    failures.add(target + " -> " + reply.status() + " " + reply.contentType() + " " + reply.body());
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    }

    @Test
    void shouldTakeALonePercentAsALiteralPercentAsQsDoes() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        create("/patients", map("name", "Joanna " + tag, "email", "joanna." + tag + "@escapes.test"));
        create("/patients", map("name", "Bob 100% " + tag, "email", "bob." + tag + "@escapes.test"));
        Reply readme = HostileInputClient.get("/patients?where[or][0][name][iLike]=%ann%"
                + "&where[or][1][email][iLike]=%ann%&where[email][endsWith]=" + tag + "@escapes.test");
        assertEquals(200, readme.status(), readme.body());
        assertTrue(readme.body().contains("Joanna " + tag) && !readme.body().contains("Bob"), readme.body());
        Reply literal = HostileInputClient.get("/patients?where[name][substring]=100%&where[email][endsWith]=" + tag
                + "@escapes.test");
        assertTrue(literal.body().contains("Bob 100% " + tag) && !literal.body().contains("Joanna"), literal.body());
        Reply path = HostileInputClient.get("/doctors/%zz");
        assertEquals(400, path.status());
        assertTrue(path.body().contains("\"field\":\"id\""), path.body());
    }
}
