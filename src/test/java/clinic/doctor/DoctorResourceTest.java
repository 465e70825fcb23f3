package clinic.doctor;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static clinic.Fixtures.assertProblem;
import static clinic.Fixtures.create;
import static clinic.Fixtures.createAppointment;
import static clinic.Fixtures.createDoctor;
import static clinic.Fixtures.createPatient;
import static clinic.Fixtures.delete;
import static clinic.Fixtures.doctor;
import static clinic.Fixtures.email;
import static clinic.Fixtures.json;
import static clinic.Fixtures.map;
import static clinic.Fixtures.slot;
import static clinic.Api.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The Operations table on /doctors: create, read, update, replace, soft and hard delete, restore. */
@QuarkusTest
class DoctorResourceTest {

    @Test
    void shouldCreateAndReadDoctor() {
        String email = email("dr");
        var created = given().contentType(ContentType.JSON)
                .body("{\"name\":\"  Dr. Who \",\"email\":\"" + email + "\"}")
                .when().post("/doctors")
                .then().statusCode(201)
                .body("name", equalTo("Dr. Who"), "version", equalTo(0), "deletedAt", nullValue(),
                        "createdAt", notNullValue(), "updatedAt", endsWith("Z"))
                .extract();
        int id = created.path("id");
        assertThat(created.header("Location"), equalTo("/doctors/" + id));
        given().when().get("/doctors/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"0\"")).body("email", equalTo(email));
    }

    @Test
    void shouldAnswerLocationOfTheCreatedRow() {
        String location = json(doctor(email("dr"))).post("/doctors").then().statusCode(201)
                .extract().header("Location");
        given().get(location).then().statusCode(200).body("name", equalTo("Dr. Test"));
    }

    @Test
    void shouldListWithTotalCountAndLinks() {
        String marker = UUID.randomUUID().toString();
        String domain = "@" + marker + ".test";
        for (String name : new String[] {"a", "b", "c"}) {
            create("/doctors", doctor(name + domain));
        }
        String next = given().queryParam("where[email][iLike]", "%" + marker + "%").queryParam("limit", 1)
                .queryParam("offset", 1).get("/doctors")
                .then().statusCode(200).header("X-Total-Count", "3")
                .header("Link", containsString("rel=\"first\""))
                .header("Link", containsString("rel=\"prev\""))
                .header("Link", containsString("rel=\"next\""))
                .body("size()", equalTo(1), "[0].email", equalTo("b" + domain))
                .extract().header("Link").replaceAll(".*<([^>]*)>; rel=\"next\".*", "$1");
        given().urlEncodingEnabled(false).get(next)
                .then().statusCode(200).header("X-Total-Count", "3")
                .header("Link", not(containsString("rel=\"next\"")))
                .body("size()", equalTo(1), "[0].email", equalTo("c" + domain));
    }

    @Test
    void shouldReturnOnlyRequestedAttributesAndAlwaysId() {
        long id = createDoctor();
        given().get("/doctors/" + id + "?attributes=name").then().statusCode(200)
                .body("id", equalTo((int) id), "name", equalTo("Dr. Test"), "$", not(hasKey("email")));
        given().get("/doctors?attributes=id,name&where[id]=" + id).then().statusCode(200)
                .body("[0].size()", equalTo(2), "[0].name", equalTo("Dr. Test"));
    }

    @Test
    void shouldPatchOnlyPresentFields() {
        long id = createDoctor();
        json(map("phone", "+1 555 9999")).patch("/doctors/" + id).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("phone", equalTo("+1 555 9999"), "specialty", equalTo("Cardiology"),
                        "name", equalTo("Dr. Test"), "version", equalTo(1));
    }

    @Test
    void shouldReplaceAllWritableFieldsOnPut() {
        long id = createDoctor();
        String email = email("put");
        json(map("name", "Dr. Replaced", "email", email)).put("/doctors/" + id).then().statusCode(200)
                .body("name", equalTo("Dr. Replaced"), "email", equalTo(email),
                        "specialty", nullValue(), "phone", nullValue(), "id", equalTo((int) id));
        given().get("/doctors/" + id).then().body("specialty", nullValue(), "phone", nullValue());
    }

    @Test
    void shouldHonourIfMatch() {
        long id = createDoctor();
        assertProblem(json(map("phone", "1")).header("If-Match", "\"7\"").patch("/doctors/" + id),
                412, "stale_version");
        assertProblem(json(doctor(email("dr"))).header("If-Match", "\"7\"").put("/doctors/" + id),
                412, "stale_version");
        json(map("phone", "2")).header("If-Match", "\"0\"").patch("/doctors/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("phone", equalTo("2"));
        assertProblem(json(map("phone", "3")).header("If-Match", "\"0\"").patch("/doctors/" + id),
                412, "stale_version");
        json(map("phone", "4")).header("If-Match", "W/\"1\"").patch("/doctors/" + id).then().statusCode(412);
        json(doctor(email("dr"))).header("If-Match", "*").put("/doctors/" + id).then().statusCode(200)
                .header("ETag", "\"2\"");
    }

    @Test
    void shouldIgnoreIdTimestampsAndVersionInBody() {
        Map<String, Object> body = doctor(email("ro"));
        body.putAll(map("id", 999_999_999, "createdAt", "2000-01-01T00:00:00Z", "updatedAt", "2000-01-01T00:00:00Z",
                "deletedAt", "2000-01-01T00:00:00Z", "version", 42));
        int id = json(body).post("/doctors").then().statusCode(201)
                .body("id", not(equalTo(999_999_999)), "version", equalTo(0), "deletedAt", nullValue(),
                        "createdAt", not(containsString("2000"))).extract().path("id");
        json(map("id", 1, "version", 42, "deletedAt", "2000-01-01T00:00:00Z", "createdAt", "2000-01-01T00:00:00Z",
                "name", "Dr. Patched")).patch("/doctors/" + id)
                .then().statusCode(200).body("id", equalTo(id), "version", equalTo(1), "deletedAt", nullValue(),
                        "createdAt", not(containsString("2000")), "name", equalTo("Dr. Patched"));
        given().get("/doctors/" + id).then().statusCode(200).body("deletedAt", nullValue());
    }

    @Test
    void shouldSoftDeleteAndShowWithParanoidFalse() {
        String email = email("soft");
        long id = create("/doctors", doctor(email));
        delete("/doctors/" + id);
        assertProblem(given().get("/doctors/" + id), 404, "not_found");
        given().get("/doctors?where[email]=" + email).then().statusCode(200)
                .header("X-Total-Count", "0").body("size()", equalTo(0));
        given().get("/doctors?paranoid=false&where[email]=" + email).then().statusCode(200)
                .body("[0].id", equalTo((int) id), "[0].deletedAt", notNullValue());
        given().get("/doctors/" + id + "?paranoid=false").then().statusCode(200).body("deletedAt", notNullValue());
        assertProblem(given().delete("/doctors/" + id), 404, "not_found");
        assertProblem(json(map("phone", "1")).patch("/doctors/" + id), 404, "not_found");
    }

    @Test
    void shouldRestoreSoftDeletedDoctor() {
        long id = createDoctor();
        delete("/doctors/" + id);
        given().post("/doctors/" + id + "/restore").then().statusCode(200)
                .body("id", equalTo((int) id), "deletedAt", nullValue());
        given().get("/doctors/" + id).then().statusCode(200);
        assertProblem(given().post("/doctors/999999999/restore"), 404, "not_found");
    }

    @Test
    void shouldForceDeleteForReal() {
        long id = createDoctor();
        delete("/doctors/" + id + "?force=true");
        given().get("/doctors/" + id + "?paranoid=false").then().statusCode(404);
        assertProblem(given().post("/doctors/" + id + "/restore"), 404, "not_found");
    }

    @Test
    void shouldRefuseForceDeleteWhileAppointmentsReferenceDoctor() {
        long doctor = createDoctor();
        long appointment = createAppointment(doctor, createPatient(), slot());
        assertProblem(given().delete("/doctors/" + doctor + "?force=true"), 409, "still_referenced");
        given().get("/doctors/" + doctor).then().statusCode(200);
        delete("/appointments/" + appointment + "?force=true");
        delete("/doctors/" + doctor + "?force=true");
    }
}
