package clinic.model;

import clinic.appointment.Appointment;
import clinic.doctor.Doctor;
import clinic.patient.Patient;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static clinic.model.FindOptions.order;
import static clinic.model.Where.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sequelize's instance methods: get, toJSON, changed, previous, update, build, and the association methods. */
@QuarkusTest
@TestTransaction
class InstanceApiTest {

    @Test
    void shouldTrackChangesFromTheLoadedState() {
        Doctor d = TestData.doctor(TestData.tag(), "Ada");
        Doctor loaded = Doctor.findByPk(d.id).orElseThrow();
        assertEquals(Set.of(), loaded.changed());
        loaded.phone = "+1 555 0100";
        assertEquals(Set.of("phone"), loaded.changed());
        assertTrue(loaded.changed("phone"));
        assertNull(loaded.previous("phone"));
        assertEquals("+1 555 0100", loaded.get("phone"));
        assertEquals("Ada", loaded.toJSON().get("name"));
        assertThrows(QueryException.class, () -> loaded.get("nope"));
    }

    @Test
    void shouldUpdateAnInstanceUnderTheModelsRules() {
        Doctor d = TestData.doctor(TestData.tag(), "Ada");
        d.update(Map.of("specialty", "  Neurology "));
        d.reload();
        assertEquals("Neurology", d.specialty);
        assertEquals(1, d.version);
        assertThrows(ConstraintViolationException.class, () -> d.update(Map.of("name", " ")));
    }

    @Test
    void shouldBuildAnUnsavedRow() {
        Patient p = Instance.build(Patient.class, Map.of("name", "Ann", "email", "ann." + TestData.tag()
                + "@model.test", "birthDate", "1984-03-01"));
        assertNull(p.id);
        assertEquals(Set.of("birthDate", "email", "name"), p.changed());
        p.save();
        assertTrue(Patient.findByPk(p.id).isPresent());
    }

    @Test
    void shouldReadAndWriteThroughTheAssociations() {
        String tag = TestData.tag();
        Doctor ada = TestData.doctor(tag, "Ada");
        Patient ann = TestData.patient(tag, "Ann");
        Patient bob = TestData.patient(tag, "Bob");
        Instant t = TestData.someFutureHour();
        Appointment first = TestData.appointment(ada, ann, t);
        Appointment booked = new Appointment();
        booked.patientId = bob.id;
        booked.date = t.plus(Duration.ofHours(1));
        ada.createAppointment(booked);
        assertEquals(ada.id, booked.doctorId);

        assertEquals(List.of(ann.id, bob.id), ada.getPatients(order("name")).stream().map(p -> p.id).toList());
        assertEquals(2, ada.countAppointments());
        assertEquals(1, ada.countAppointments(where("patientId", bob.id)));
        assertTrue(ada.hasPatient(bob));
        assertEquals(List.of(ada.id), ann.getDoctors().stream().map(x -> x.id).toList());
        assertEquals(List.of(ada.id), first.getAssociation("doctor").stream().map(x -> x.id).toList());

        first.setAssociation("patient", bob);
        first.reload();
        assertEquals(bob.id, first.patientId);
        assertFalse(ada.hasPatient(ann), "ann's only booking moved to bob");
    }
}
