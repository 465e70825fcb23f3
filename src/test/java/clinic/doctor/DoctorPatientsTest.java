package clinic.doctor;

import clinic.Api;
import clinic.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static clinic.Fixtures.createAppointment;
import static clinic.Fixtures.createDoctor;
import static clinic.Fixtures.createPatient;
import static clinic.Fixtures.delete;
import static clinic.Fixtures.json;
import static clinic.Fixtures.slot;
import static clinic.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A doctor's patients and their X-Total-Count follow every change to the appointments that link them, for an admin
 * and for the doctor: a patient counts once however many appointments, a cancelled one still links, a deleted one
 * does not. The count is asked for both ways: a short page (the rows) and a full one of one row (the count statement).
 */
@QuarkusTest
class DoctorPatientsTest {

    @Test
    void shouldKeepTheListAndCountExactThroughBookingCancellingDeletingAndRestoring() {
        long doctor = createDoctor();
        long ann = createPatient();
        long bob = createPatient();
        Instant day = slot();
        assertPatients(doctor);
        long first = createAppointment(doctor, ann, day);
        assertPatients(doctor, ann);
        long second = createAppointment(doctor, ann, day.plus(Duration.ofHours(1)));
        assertPatients(doctor, ann);
        long bobs = createAppointment(doctor, bob, day.plus(Duration.ofHours(2)));
        assertPatients(doctor, ann, bob);
        json(Map.of("status", "cancelled")).patch("/appointments/" + bobs).then().statusCode(200);
        assertPatients(doctor, ann, bob);
        delete("/appointments/" + bobs);
        assertPatients(doctor, ann);
        given().post("/appointments/" + bobs + "/restore").then().statusCode(200);
        assertPatients(doctor, ann, bob);
        delete("/appointments/" + first);
        assertPatients(doctor, ann, bob);
        delete("/appointments/" + second + "?force=true");
        assertPatients(doctor, bob);
        given().post("/appointments/" + first + "/restore").then().statusCode(200);
        assertPatients(doctor, ann, bob);
        delete("/appointments/" + first + "?force=true");
        assertPatients(doctor, bob);
    }

    @Test
    void shouldLeaveOutASoftDeletedPatientUntilRestored() {
        long doctor = createDoctor();
        long ann = createPatient();
        long bob = createPatient();
        Instant day = slot();
        createAppointment(doctor, ann, day);
        createAppointment(doctor, bob, day.plus(Duration.ofHours(1)));
        delete("/patients/" + ann);
        assertPatients(doctor, bob);
        given().post("/patients/" + ann + "/restore").then().statusCode(200);
        assertPatients(doctor, ann, bob);
    }

    @Test
    void shouldShowAnotherDoctorOrAPatientOnlyTheirOwnShareOfTheDoctorsPatients() {
        long doctor = createDoctor();
        long other = createDoctor();
        long ann = createPatient();
        long bob = createPatient();
        Instant day = slot();
        createAppointment(doctor, ann, day);
        createAppointment(doctor, bob, day.plus(Duration.ofHours(1)));
        createAppointment(other, ann, day.plus(Duration.ofHours(2)));
        assertPatients(Tokens.doctor(other), doctor);
        assertPatients(Tokens.patient(bob), doctor, bob);
        assertPatients(Tokens.patient(bob), other);
    }

    /** As an admin and as the doctor: exactly these patients, in id order, and a total that counts them. */
    private static void assertPatients(long doctor, long... patients) {
        assertPatients(Tokens.admin(), doctor, patients);
        assertPatients(Tokens.doctor(doctor), doctor, patients);
    }

    private static void assertPatients(String token, long doctor, long... patients) {
        List<Long> expected = Arrays.stream(patients).sorted().boxed().toList();
        String total = String.valueOf(expected.size());
        Response all = Api.as(token).get("/doctors/" + doctor + "/patients");
        all.then().statusCode(200).header("X-Total-Count", total);
        assertEquals(expected, all.jsonPath().getList("id", Long.class), "patients of doctor " + doctor);
        Response one = Api.as(token).get("/doctors/" + doctor + "/patients?limit=1");
        one.then().statusCode(200).header("X-Total-Count", total);
        assertEquals(expected.stream().limit(1).toList(), one.jsonPath().getList("id", Long.class));
    }
}
