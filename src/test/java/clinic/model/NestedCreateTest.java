package clinic.model;

import clinic.appointment.Appointment;
import clinic.doctor.Doctor;
import clinic.patient.Patient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static clinic.model.Where.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Sequelize's nested create: the row and its new children in one transaction, all or nothing. */
@QuarkusTest
class NestedCreateTest {

    @Test
    void shouldCreateThePatientAndTheBookingsTogether() {
        String tag = TestData.tag();
        Doctor ada = QuarkusTransaction.requiringNew().call(() -> TestData.doctor(tag, "Ada"));
        Instant t = TestData.someFutureHour();
        Patient ann = Patient.create(Map.of("name", "Ann", "email", "ann." + tag + "@model.test", "appointments",
                List.of(Map.of("doctorId", ada.id, "date", t.toString()),
                        Map.of("doctorId", ada.id, "date", t.plus(Duration.ofHours(1)).toString()))), "appointments");
        assertEquals(2, QuarkusTransaction.requiringNew().call(() -> Appointment.count(where("patientId", ann.id))));
    }

    @Test
    void shouldCreateNothingWhenOneChildFailsAndSayWhichOne() {
        String tag = TestData.tag();
        Doctor ada = QuarkusTransaction.requiringNew().call(() -> TestData.doctor(tag, "Ada"));
        Instant t = TestData.someFutureHour();
        NestedCreate.NestedException e = assertThrows(NestedCreate.NestedException.class, () -> Patient.create(Map.of(
                "name", "Bob", "email", "bob." + tag + "@model.test", "appointments",
                List.of(Map.of("doctorId", ada.id, "date", t.toString()),
                        Map.of("doctorId", ada.id, "date", t.toString(), "durationMinutes", 1))), "appointments"));
        assertEquals("appointments", e.association);
        assertEquals(1, e.index);
        assertInstanceOf(ConstraintViolationException.class, e.getCause());
        assertEquals(0, QuarkusTransaction.requiringNew().call(() ->
                Patient.count(where("email", "bob." + tag + "@model.test"))), "the patient went with the bad booking");
    }
}
