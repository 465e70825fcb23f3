package clinic.model;

import clinic.appointment.Appointment;
import clinic.doctor.Doctor;
import clinic.patient.Patient;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static clinic.model.FindOptions.Direction.DESC;
import static clinic.model.FindOptions.include;
import static clinic.model.FindOptions.order;
import static clinic.model.Include.assoc;
import static clinic.model.Where.iLike;
import static clinic.model.Where.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sequelize's include objects: where, required, paranoid, order and limit per parent, nested; order by a to-one. */
@QuarkusTest
@TestTransaction
class IncludeOptionsTest {

    private String tag;
    private Doctor ada;
    private Doctor bea;
    private Patient ann;
    private Patient bob;
    private Instant t;

    private void clinic() {
        tag = TestData.tag();
        TestData.People people = TestData.people(tag);
        ada = people.ada();
        bea = people.bea();
        ann = people.ann();
        bob = people.bob();
        t = TestData.someFutureHour();
        TestData.appointment(ada, ann, t);
        TestData.appointment(ada, bob, t.plus(Duration.ofHours(1)));
        TestData.appointment(ada, ann, t.plus(Duration.ofHours(2)));
    }

    private Where mine() {
        return where("email", iLike("%." + tag + "@model.test"));
    }

    @Test
    void shouldKeepParentsWithoutAMatchWhenNotRequired() {
        clinic();
        List<Doctor> doctors = Doctor.findAll(mine(), order("name"),
                include(assoc("appointments").where(where("patientId", bob.id)).required(false)));
        assertEquals(List.of(ada.id, bea.id), ids(doctors));
        assertEquals(1, appointments(doctors.get(0)).size());
        assertEquals(0, appointments(doctors.get(1)).size());
        assertEquals(2, Doctor.count(mine(), include(assoc("appointments").where(where("patientId", bob.id))
                .required(false))));
    }

    @Test
    void shouldKeepOnlyParentsWithARowWhenRequiredWithoutWhere() {
        clinic();
        List<Doctor> doctors = Doctor.findAll(mine(), include(assoc("appointments").required(true)));
        assertEquals(List.of(ada.id), ids(doctors));
        assertEquals(1, Doctor.count(mine(), include(assoc("appointments").required(true))));
    }

    @Test
    void shouldOrderAndLimitEachParentsRows() {
        clinic();
        TestData.appointment(bea, bob, t);
        List<Doctor> doctors = Doctor.findAll(mine(), order("name"),
                include(assoc("appointments").order("date", DESC).limit(2)));
        List<Appointment> adas = appointments(doctors.get(0));
        assertEquals(List.of(t.plus(Duration.ofHours(2)), t.plus(Duration.ofHours(1))),
                adas.stream().map(a -> a.date).toList());
        assertEquals(1, appointments(doctors.get(1)).size(), "bea's own row, not cut by ada's");
    }

    @Test
    void shouldShowSoftDeletedRowsOfAnIncludeOnlyWhenAsked() {
        clinic();
        Appointment gone = TestData.appointment(bea, ann, t.plus(Duration.ofHours(5)));
        gone.destroy();
        assertEquals(0, appointments(Doctor.findByPk(bea.id, include("appointments")).orElseThrow()).size());
        assertEquals(1, appointments(Doctor.findByPk(bea.id, include(assoc("appointments").paranoid(false)))
                .orElseThrow()).size());
    }

    @Test
    void shouldHideASoftDeletedToOneOnlyWithParanoidTrue() {
        clinic();
        Appointment booked = TestData.appointment(bea, bob, t.plus(Duration.ofHours(7)));
        bea.destroy();
        Appointment kept = Appointment.findByPk(booked.id, include("doctor")).orElseThrow();
        assertEquals(bea.id, kept.doctor.id, "history stays readable by default");
        Appointment hidden = Appointment.findByPk(booked.id, include(assoc("doctor").paranoid(true))).orElseThrow();
        assertTrue(hidden.hidden("doctor"));
        assertTrue(Appointment.findByPk(booked.id, include(assoc("doctor").paranoid(true).required(true))).isEmpty());
    }

    @Test
    void shouldNestIncludeOptionsTwoLevels() {
        clinic();
        List<Doctor> doctors = Doctor.findAll(mine(), include(assoc("appointments").order("date", DESC)
                .include(assoc("patient").where(where("name", "Ann")))));
        assertEquals(List.of(ada.id), ids(doctors));
        List<Appointment> rows = appointments(doctors.get(0));
        assertEquals(2, rows.size());
        assertTrue(rows.get(0).date.isAfter(rows.get(1).date));
        rows.forEach(a -> assertEquals(ann.id, a.patientId));
    }

    @Test
    void shouldOrderByAToOneIncludesField() {
        clinic();
        List<Appointment> rows = Appointment.findAll(where("doctorId", ada.id), include("patient"),
                order("patient.name", DESC), order("date"));
        assertEquals(List.of(bob.id, ann.id, ann.id), rows.stream().map(a -> a.patientId).toList());
    }

    @SuppressWarnings("unchecked")
    private static List<Appointment> appointments(Doctor d) {
        return (List<Appointment>) d.included("appointments");
    }

    private static List<Long> ids(List<? extends Model> rows) {
        return rows.stream().map(r -> r.id).toList();
    }
}
