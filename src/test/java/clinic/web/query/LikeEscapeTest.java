package clinic.web.query;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static clinic.Api.given;
import static clinic.Fixtures.assertProblem;
import static clinic.Fixtures.create;
import static clinic.Fixtures.map;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * like, notLike, iLike and notILike take backslash as their escape character, as Sequelize on PostgreSQL: for each
 * of %, _ and \, escaped it matches itself only, unescaped % and _ stay wildcards.
 */
@QuarkusTest
class LikeEscapeTest {

    private static final List<String> SPECIALS = List.of("%", "_", "\\");
    private static final List<String> NAMES = List.of("x%y", "x_y", "x\\y", "xzy");

    @Test
    void shouldMatchEscapedPercentUnderscoreAndBackslashLiterally() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        NAMES.forEach(n -> create("/patients", map("name", n, "email", mail(n, tag))));
        for (String op : List.of("like", "iLike", "notLike", "notILike")) {
            boolean negated = op.startsWith("not");
            boolean insensitive = op.endsWith("ILike");
            for (String special : SPECIALS) {
                String pattern = "x\\" + special + "y";
                List<String> literal = List.of("x" + special + "y");
                assertEquals(negated ? without(literal) : literal,
                        names(tag, op, insensitive ? pattern.toUpperCase(Locale.ROOT) : pattern), op + " " + pattern);
            }
            assertEquals(negated ? List.of() : NAMES, names(tag, op, insensitive ? "X%Y" : "x%y"), op + " x%y");
            assertEquals(negated ? List.of() : NAMES, names(tag, op, insensitive ? "X_Y" : "x_y"), op + " x_y");
        }
    }

    @Test
    void shouldRefuseAPatternEndingInALoneBackslash() {
        var problem = assertProblem(given().queryParam("where[name][like]", "x\\").get("/patients"), 400,
                "bad_request");
        assertThat(problem.path("errors[0].field"), equalTo("where[name][like]"));
        given().queryParam("where[name][like]", "x\\\\").get("/patients").then().statusCode(200);
    }

    @Test
    void shouldDocumentTheEscapeInTheOpenApiDescription() {
        assertThat(given().get("/q/openapi").then().statusCode(200).extract().asString()
                .contains("backslash as their escape"), equalTo(true));
    }

    private static List<String> names(String tag, String op, String pattern) {
        return given().queryParam("where[email][endsWith]", "." + tag + "@escape.test")
                .queryParam("where[name][" + op + "]", pattern).queryParam("order", "email")
                .get("/patients").then().statusCode(200).extract().jsonPath().getList("name", String.class);
    }

    private static List<String> without(List<String> names) {
        List<String> rest = new ArrayList<>(NAMES);
        rest.removeAll(names);
        return rest;
    }

    /** Emails in the order of NAMES, so order=email lists them as NAMES does. */
    private static String mail(String name, String tag) {
        return "n" + NAMES.indexOf(name) + "." + tag + "@escape.test";
    }
}
