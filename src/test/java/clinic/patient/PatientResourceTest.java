package clinic.patient;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static clinic.Fixtures.assertProblem;
import static clinic.Fixtures.create;
import static clinic.Fixtures.createAppointment;
import static clinic.Fixtures.createDoctor;
import static clinic.Fixtures.createPatient;
import static clinic.Fixtures.delete;
import static clinic.Fixtures.email;
import static clinic.Fixtures.json;
import static clinic.Fixtures.map;
import static clinic.Fixtures.patient;
import static clinic.Fixtures.slot;
import static clinic.Api.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** What /patients does beyond the shared CRUD: birthDate, and its appointments and doctors. */
@QuarkusTest
class PatientResourceTest {

    @Test
    void shouldCreatePatientWithBirthDate() {
        String email = email("pt");
        var created = json(patient(email)).post("/patients").then().statusCode(201)
                .body("birthDate", equalTo("1984-03-01"), "email", equalTo(email), "version", equalTo(0))
                .extract();
        int id = created.path("id");
        assertThat(created.header("Location"), equalTo("/patients/" + id));
        given().get("/patients/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("birthDate", equalTo("1984-03-01"));
    }

    @Test
    void shouldRejectBirthDateInTheFuture() {
        String tomorrow = LocalDate.now().plusDays(2).toString();
        var problem = assertProblem(json(map("name", "Future", "email", email("f"), "birthDate", tomorrow))
                .post("/patients"), 400, "validation");
        assertThat(problem.path("errors.field"), hasItem("/birthDate"));
    }

    @Test
    void shouldPatchAndReplacePatient() {
        long id = createPatient();
        json(map("name", "Renamed")).patch("/patients/" + id).then().statusCode(200)
                .body("name", equalTo("Renamed"), "birthDate", equalTo("1984-03-01"));
        String email = email("put");
        json(map("name", "Replaced", "email", email)).put("/patients/" + id).then().statusCode(200)
                .body("name", equalTo("Replaced"), "birthDate", nullValue(), "phone", nullValue());
    }

    @Test
    void shouldSoftDeleteAndRestorePatient() {
        String email = email("pt");
        long id = create("/patients", patient(email));
        delete("/patients/" + id);
        assertProblem(given().get("/patients/" + id), 404, "not_found");
        given().get("/patients?paranoid=false&where[email]=" + email).then()
                .body("[0].deletedAt", notNullValue());
        given().post("/patients/" + id + "/restore").then().statusCode(200).body("deletedAt", nullValue());
        given().get("/patients/" + id).then().statusCode(200);
    }

    @Test
    void shouldForceDeletePatientOnlyWhenUnreferenced() {
        long patient = createPatient();
        long appointment = createAppointment(createDoctor(), patient, slot());
        assertProblem(given().delete("/patients/" + patient + "?force=true"), 409, "still_referenced");
        delete("/appointments/" + appointment + "?force=true");
        delete("/patients/" + patient + "?force=true");
        given().get("/patients/" + patient + "?paranoid=false").then().statusCode(404);
    }

    @Test
    void shouldListPatientsAppointmentsWithListQuery() {
        long patient = createPatient();
        Instant day = slot();
        long first = createAppointment(createDoctor(), patient, day);
        long second = createAppointment(createDoctor(), patient, day.plus(Duration.ofHours(1)));
        given().get("/patients/" + patient + "/appointments").then().statusCode(200)
                .header("X-Total-Count", "2").body("id", containsInAnyOrder((int) first, (int) second));
        given().get("/patients/" + patient + "/appointments?order=-date&limit=1").then().statusCode(200)
                .header("X-Total-Count", "2").body("id", contains((int) second));
    }

    @Test
    void shouldListPatientsDoctorsDistinct() {
        long patient = createPatient();
        long often = createDoctor();
        long once = createDoctor();
        Instant day = slot();
        createAppointment(often, patient, day);
        createAppointment(often, patient, day.plus(Duration.ofHours(1)));
        createAppointment(once, patient, day.plus(Duration.ofHours(2)));
        given().get("/patients/" + patient + "/doctors").then().statusCode(200)
                .header("X-Total-Count", "2").body("id", containsInAnyOrder((int) often, (int) once));
        given().get("/patients/" + patient + "/doctors?where[id]=" + once).then().statusCode(200)
                .body("id", contains((int) once));
    }

    @Test
    void shouldAnswer404ForMissingOrDeletedPatientAsOwner() {
        assertProblem(given().get("/patients/999999999/appointments"), 404, "not_found");
        assertProblem(given().get("/patients/999999999/doctors"), 404, "not_found");
        long patient = createPatient();
        delete("/patients/" + patient);
        assertProblem(given().get("/patients/" + patient + "/appointments"), 404, "not_found");
        assertProblem(given().get("/patients/" + patient + "/doctors"), 404, "not_found");
    }

    @Test
    void shouldIncludeDoctorsAndAppointmentsOfPatient() {
        long patient = createPatient();
        long doctor = createDoctor();
        Instant day = slot();
        long a = createAppointment(doctor, patient, day);
        long b = createAppointment(doctor, patient, day.plus(Duration.ofHours(1)));
        given().get("/patients/" + patient + "?include=doctors,appointments").then().statusCode(200)
                .body("doctors.id", contains((int) doctor),
                        "appointments.id", containsInAnyOrder((int) a, (int) b));
    }
}
