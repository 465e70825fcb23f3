package clinic.doctor;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static clinic.Fixtures.assertProblem;
import static clinic.Fixtures.createAppointment;
import static clinic.Fixtures.createDoctor;
import static clinic.Fixtures.createPatient;
import static clinic.Fixtures.delete;
import static clinic.Fixtures.slot;
import static clinic.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A doctor's hasMany appointments and belongsToMany patients: as association reads and as includes. */
@QuarkusTest
class DoctorAssociationsTest {

    @Test
    void shouldListDoctorsAppointmentsWithListQuery() {
        long doctor = createDoctor();
        long patient = createPatient();
        Instant day = slot();
        long first = createAppointment(doctor, patient, day);
        long second = createAppointment(doctor, patient, day.plus(Duration.ofHours(1)));
        long third = createAppointment(doctor, patient, day.plus(Duration.ofHours(2)));
        createAppointment(createDoctor(), createPatient(), day);
        given().get("/doctors/" + doctor + "/appointments").then().statusCode(200)
                .header("X-Total-Count", "3")
                .body("id", containsInAnyOrder((int) first, (int) second, (int) third));
        given().get("/doctors/" + doctor + "/appointments?order=date:desc&limit=2").then().statusCode(200)
                .header("X-Total-Count", "3").header("Link", containsString("rel=\"next\""))
                .body("id", contains((int) third, (int) second));
        given().get("/doctors/" + doctor + "/appointments?where[date][gt]=" + day + "&order=-date")
                .then().statusCode(200).body("id", contains((int) third, (int) second));
    }

    @Test
    void shouldListDoctorsPatientsDistinct() {
        long doctor = createDoctor();
        long often = createPatient();
        long once = createPatient();
        Instant day = slot();
        createAppointment(doctor, often, day);
        createAppointment(doctor, often, day.plus(Duration.ofHours(1)));
        createAppointment(doctor, often, day.plus(Duration.ofHours(2)));
        createAppointment(doctor, once, day.plus(Duration.ofHours(3)));
        given().get("/doctors/" + doctor + "/patients").then().statusCode(200)
                .header("X-Total-Count", "2")
                .body("id", containsInAnyOrder((int) often, (int) once));
        given().get("/doctors/" + doctor + "/patients?attributes=name&order=id:desc").then().statusCode(200)
                .body("id", contains((int) Math.max(often, once), (int) Math.min(often, once)));
    }

    @Test
    void shouldAnswer404ForMissingOrDeletedOwner() {
        assertProblem(given().get("/doctors/999999999/appointments"), 404, "not_found");
        assertProblem(given().get("/doctors/999999999/patients"), 404, "not_found");
        long doctor = createDoctor();
        delete("/doctors/" + doctor);
        assertProblem(given().get("/doctors/" + doctor + "/appointments"), 404, "not_found");
        assertProblem(given().get("/doctors/" + doctor + "/patients"), 404, "not_found");
    }

    @Test
    void shouldAnswerEmptyListForDoctorWithoutAppointments() {
        long doctor = createDoctor();
        given().get("/doctors/" + doctor + "/appointments").then().statusCode(200)
                .header("X-Total-Count", "0").body("size()", equalTo(0));
        given().get("/doctors/" + doctor + "/patients").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void shouldIncludeAppointmentsAndPatientsButNotSoftDeletedOnes() {
        long doctor = createDoctor();
        long kept = createPatient();
        long gone = createPatient();
        Instant day = slot();
        long visible = createAppointment(doctor, kept, day);
        long hidden = createAppointment(doctor, gone, day.plus(Duration.ofHours(1)));
        delete("/appointments/" + hidden);
        given().get("/doctors/" + doctor + "?include=appointments,patients").then().statusCode(200)
                .body("appointments.id", contains((int) visible), "patients.id", contains((int) kept));
        given().get("/doctors?where[id]=" + doctor + "&include=appointments.patient").then().statusCode(200)
                .body("[0].appointments[0].patient.id", equalTo((int) kept));
    }

    @Test
    void shouldHideSoftDeletedPatientFromDoctorsPatients() {
        long doctor = createDoctor();
        long patient = createPatient();
        createAppointment(doctor, patient, slot());
        delete("/patients/" + patient);
        given().get("/doctors/" + doctor + "/patients").then().statusCode(200).body("size()", equalTo(0));
        given().get("/doctors/" + doctor + "/appointments").then().statusCode(200).body("size()", equalTo(1));
    }
}
