package clinic.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static clinic.Api.given;
import static clinic.Fixtures.createDoctor;
import static clinic.Fixtures.json;
import static clinic.Fixtures.map;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Only canonical ids name a row: the id of a real doctor written with a sign, leading zeros, white space or the
 * digits of any other script is a 400 naming {@code id} on every route that takes one, and in a where on an integer.
 */
@QuarkusTest
class IdsTest {

    private static final List<Function<String, Response>> ROUTES = List.of(
            id -> given().get("/doctors/" + id),
            id -> given().get("/doctors/" + id + "/appointments"),
            id -> given().get("/doctors/" + id + "/patients"),
            id -> json(map("specialty", "Changed")).patch("/doctors/" + id),
            id -> json(map("name", "Dr. Changed", "email", "changed@ids.test")).put("/doctors/" + id),
            id -> given().delete("/doctors/" + id),
            id -> given().post("/doctors/" + id + "/restore"));

    @Test
    void shouldRefuseEveryNonCanonicalSpellingOfARealId() {
        long id = createDoctor();
        List<String> failures = new ArrayList<>();
        for (String spelling : spellings(String.valueOf(id))) {
            String encoded = URLEncoder.encode(spelling, StandardCharsets.UTF_8).replace("+", "%20");
            for (int route = 0; route < ROUTES.size(); route++) {
                Response r = ROUTES.get(route).apply(encoded);
                if (r.statusCode() != 400 || !"id".equals(r.path("errors[0].field"))) {
                    failures.add("route " + route + " /doctors/" + encoded + " (" + spelling + "): " + r.statusCode());
                }
            }
            // a where takes negative integers, and trims its values
            boolean integer = spelling.trim().equals(spelling) && !spelling.startsWith("-");
            Response where = given().queryParam("where[id]", spelling).get("/doctors");
            if (integer && where.statusCode() != 400) {
                failures.add("where[id]=" + spelling + ": " + where.statusCode());
            }
        }
        given().get("/doctors/" + id).then().statusCode(200);
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    }

    /** Signs, zeros and the id in every other script's decimal digits. */
    private static List<String> spellings(String id) {
        List<String> all = new ArrayList<>(List.of("0" + id, "00" + id, "+" + id, "-" + id, " " + id, id + " ",
                id + ".0", id + "e0", "0x" + Long.toHexString(Long.parseLong(id))));
        for (int zero = 0x80; zero <= Character.MAX_CODE_POINT; zero++) {
            if (Character.getType(zero) == Character.DECIMAL_DIGIT_NUMBER && Character.digit(zero, 10) == 0) {
                StringBuilder s = new StringBuilder();
                for (char c : id.toCharArray()) {
                    s.appendCodePoint(zero + (c - '0'));
                }
                all.add(s.toString());
            }
        }
        return all;
    }
}
