package clinic.db;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static clinic.Api.given;
import static clinic.Fixtures.assertProblem;
import static clinic.Fixtures.doctor;
import static clinic.Fixtures.email;
import static clinic.Fixtures.json;
import static clinic.Fixtures.map;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With replay paused on the replica, what a GET sees tells where it was served: a row the primary has and the
 * replica has not yet replayed is missing from a GET without a token and present in one that sends the write's.
 */
@QuarkusTest
@TestProfile(ReplicaProfile.class)
class ReplicaRoutingTest {

    private static final String TOKEN = ConsistencyToken.HEADER;

    @AfterEach
    void resumeReplay() throws SQLException {
        ReplicaPair.resumeReplay();
    }

    @Test
    void shouldReadFromTheReplicaWithoutATokenAndYourOwnWritesWithIt() throws Exception {
        ReplicaPair.pauseReplay();
        String email = email("replica");
        Response created = json(doctor(email)).post("/doctors").then().statusCode(201).extract().response();
        String token = created.header(TOKEN);
        assertNotNull(token, "a write answers " + TOKEN);
        long id = created.jsonPath().getLong("id");

        given().get("/doctors/" + id).then().statusCode(404);
        given().queryParam("where[email]", email).get("/doctors").then().statusCode(200)
                .header("X-Total-Count", "0").body("$", hasSize(0));
        given().header(TOKEN, token).get("/doctors/" + id).then().statusCode(200).body("email", equalTo(email));
        given().header(TOKEN, token).queryParam("where[email]", email).get("/doctors").then().statusCode(200)
                .header("X-Total-Count", "1").body("[0].id", equalTo((int) id));

        ReplicaPair.resumeReplay();
        long deadline = System.currentTimeMillis() + 10_000;
        while (given().get("/doctors/" + id).statusCode() != 200) {
            assertTrue(System.currentTimeMillis() < deadline, "the replica did not catch up within 10 s");
            Thread.sleep(50);
        }
    }

    @Test
    void shouldReadInsideAWriteFromThePrimary() throws Exception {
        ReplicaPair.pauseReplay();
        long id = json(doctor(email("replica-write"))).post("/doctors").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        // the PATCH finds the row FOR UPDATE: on the replica it would be missing (and could not be locked)
        Response patched = json(map("phone", "+1 555 0199")).patch("/doctors/" + id).then().statusCode(200)
                .body("phone", equalTo("+1 555 0199")).extract().response();
        given().header(TOKEN, patched.header(TOKEN)).get("/doctors/" + id).then().statusCode(200)
                .body("phone", equalTo("+1 555 0199"));
        given().delete("/doctors/" + id).then().statusCode(204).header(TOKEN, org.hamcrest.Matchers.notNullValue());
        String restored = given().post("/doctors/" + id + "/restore").then().statusCode(200).extract().header(TOKEN);
        given().header(TOKEN, restored).get("/doctors/" + id).then().statusCode(200).body("deletedAt", equalTo(null));
        given().get("/doctors/" + id).then().statusCode(404);
    }

    @Test
    void shouldReadFromThePrimaryInAFindWithUseMasterAndInATransactionWithinAGet() throws Exception {
        ReplicaPair.pauseReplay();
        long id = json(doctor(email("replica-master"))).post("/doctors").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        given().get("/test/routing/doctors/" + id).then().statusCode(200)
                .body("replica", equalTo(false), "useMaster", equalTo(true), "transaction", equalTo(true));
    }

    @Test
    void shouldRefuseAMalformedTokenNamingTheHeader() {
        String field = assertProblem(given().header(TOKEN, "yesterday").get("/doctors"), 400, "bad_request")
                .path("errors[0].field");
        assertEquals(TOKEN, field);
    }
}
