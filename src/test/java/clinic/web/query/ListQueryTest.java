package clinic.web.query;

import clinic.RequestScope;
import clinic.model.TestData;
import clinic.patient.Patient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static clinic.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every operator and option of the list query, through HTTP, on four patients of this class's own. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListQueryTest {

    private String tag;

    @BeforeAll
    void createPatients() {
        tag = TestData.tag();
        RequestScope.run(() -> QuarkusTransaction.requiringNew().run(() -> {
            patient("Ann Alpha", "1980-01-01", "+1 100");
            patient("Bob Beta", "1990-06-15", null);
            patient("Cid 100%_Gamma", "2000-12-31", "+1 300");
            patient("Dee Delta", "2010-03-03", "+1 400");
        }));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "where[name]              | Bob Beta              | Bob Beta",
        "where[name][eq]          | Bob Beta              | Bob Beta",
        "where[name][ne]          | Bob Beta              | Ann Alpha,Cid 100%_Gamma,Dee Delta",
        "where[birthDate][gt]     | 1990-06-15            | Cid 100%_Gamma,Dee Delta",
        "where[birthDate][gte]    | 1990-06-15            | Bob Beta,Cid 100%_Gamma,Dee Delta",
        "where[birthDate][lt]     | 1990-06-15            | Ann Alpha",
        "where[birthDate][lte]    | 1990-06-15            | Ann Alpha,Bob Beta",
        "where[birthDate][between]    | 1985-01-01,2005-01-01 | Bob Beta,Cid 100%_Gamma",
        "where[birthDate][notBetween] | 1985-01-01,2005-01-01 | Ann Alpha,Dee Delta",
        "where[name][in]          | Ann Alpha,Dee Delta   | Ann Alpha,Dee Delta",
        "where[name][notIn]       | Ann Alpha,Dee Delta   | Bob Beta,Cid 100%_Gamma",
        "where[name][like]        | %a                    | Ann Alpha,Bob Beta,Cid 100%_Gamma,Dee Delta",
        "where[name][like]        | B%                    | Bob Beta",
        "where[name][notLike]     | B%                    | Ann Alpha,Cid 100%_Gamma,Dee Delta",
        "where[name][iLike]       | b%                    | Bob Beta",
        "where[name][notILike]    | %E%                   | Ann Alpha,Cid 100%_Gamma",
        "where[name][startsWith]  | De                    | Dee Delta",
        "where[name][endsWith]    | lta                   | Dee Delta",
        "where[name][substring]   | 100%_                 | Cid 100%_Gamma",
        "where[phone][is]         | null                  | Bob Beta",
        "where[phone][not]        | null                  | Ann Alpha,Cid 100%_Gamma,Dee Delta",
    })
    void shouldFilterWithOperator(String parameter, String value, String expected) {
        assertEquals(Arrays.asList(expected.split(",")), names(mine().queryParam(parameter, value)));
    }

    @Test
    void shouldOrGroupsOfConditions() {
        assertEquals(List.of("Ann Alpha", "Dee Delta"), names(mine()
                .queryParam("where[or][0][name][iLike]", "%alpha%")
                .queryParam("where[or][1][birthDate][gt]", "2005-01-01")
                .queryParam("where[or][1][phone][not]", "null")));
    }

    @Test
    void shouldOrderBothWaysWithIdBreakingTies() {
        assertEquals(List.of("Dee Delta", "Cid 100%_Gamma", "Bob Beta", "Ann Alpha"),
                names(mine().queryParam("order", "birthDate:desc")));
        assertEquals(List.of("Dee Delta", "Cid 100%_Gamma", "Bob Beta", "Ann Alpha"),
                names(mine().queryParam("order", "-birthDate,id")));
    }

    @Test
    void shouldPageWithLimitOffsetTotalCountAndLinks() {
        mine().queryParam("order", "name").queryParam("limit", 2).queryParam("offset", 1).get("/patients")
                .then().statusCode(200)
                .header("X-Total-Count", "4")
                .header("Link", containsString("rel=\"next\""))
                .header("Link", containsString("rel=\"prev\""))
                .header("Link", containsString("&order=name&offset=3&limit=2>; rel=\"next\""))
                .header("Link", containsString("&order=name&offset=0&limit=2>; rel=\"first\""))
                .body("name", equalTo(List.of("Bob Beta", "Cid 100%_Gamma")));
    }

    @Test
    void shouldReturnOnlyTheAttributesAskedForAndTheId() {
        mine().queryParam("attributes", "name").queryParam("limit", 1).get("/patients")
                .then().statusCode(200)
                .body("[0]", hasKey("id")).body("[0]", hasKey("name"))
                .body("[0]", not(hasKey("email"))).body("[0]", not(hasKey("createdAt")));
    }

    @Test
    void shouldIncludeSoftDeletedRowsWithParanoidFalse() {
        QuarkusTransaction.requiringNew().run(() -> patient("Eve Gone", "1999-09-09", null).destroy());
        assertEquals(4, names(mine()).size());
        assertEquals(5, names(mine().queryParam("paranoid", "false")).size());
    }

    @Test
    void shouldNameTheParameterAndTheAllowedOnesOnBadInput() {
        given().queryParam("where[nmae]", "x").get("/patients").then().statusCode(400)
                .body("errors[0].field", equalTo("where[nmae]"))
                .body("detail", containsString("allowed: id, "));
        given().queryParam("where[name][regexp]", "x").get("/patients").then().statusCode(400)
                .body("errors[0].field", equalTo("where[name][regexp]"))
                .body("detail", containsString("iLike"));
        given().queryParam("where[birthDate][gte]", "yesterday").get("/patients").then().statusCode(400)
                .body("errors[0].field", equalTo("where[birthDate][gte]"));
        given().queryParam("include", "doctor").get("/patients").then().statusCode(400)
                .body("detail", containsString("allowed: appointments, doctors"));
        given().queryParam("limit", 1001).get("/patients").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    private RequestSpecification mine() {
        return given().queryParam("where[email][endsWith]", "." + tag + "@model.test");
    }

    private static List<String> names(RequestSpecification request) {
        return request.get("/patients").then().statusCode(200).extract().jsonPath().getList("name", String.class);
    }

    private Patient patient(String name, String birthDate, String phone) {
        Patient p = new Patient();
        p.name = name;
        p.email = name.toLowerCase().replaceAll("[^a-z]", "") + "." + tag + "@model.test";
        p.birthDate = LocalDate.parse(birthDate);
        p.phone = phone;
        p.save();
        return p;
    }
}
