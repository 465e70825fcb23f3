package clinic.model;

import clinic.SqlLog;
import clinic.appointment.Appointment;
import clinic.doctor.Doctor;
import clinic.patient.Patient;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static clinic.model.FindOptions.attributes;
import static clinic.model.FindOptions.exclude;
import static clinic.model.FindOptions.include;
import static clinic.model.FindOptions.order;
import static clinic.model.Include.assoc;
import static clinic.model.Where.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sequelize's attributes reach the SELECT, at the top and per include; a row read so can never be saved. */
@QuarkusTest
@TestTransaction
class ProjectionTest {

    @Inject
    EntityManager em;

    private Doctor ada;
    private Patient ann;
    private Instant t;

    private void clinic() {
        String tag = TestData.tag();
        ada = TestData.doctor(tag, "Ada");
        ann = TestData.patient(tag, "Ann");
        t = TestData.someFutureHour();
        TestData.appointment(ada, ann, t);
        TestData.appointment(ada, ann, t.plus(Duration.ofHours(1)));
        em.flush();
        em.clear();
    }

    @Test
    void shouldSelectOnlyTheAttributesAskedForAndTheKeys() {
        clinic();
        List<Appointment> rows = new ArrayList<>();
        String sql = SqlLog.selected(SqlLog.reading(SqlLog.during(() -> rows.addAll(
                Appointment.findAll(where("doctorId", ada.id), attributes("date"), order("date"))
        )), "appointments"));
        assertTrue(sql.contains("starts_at"), sql);
        for (String column : List.of("reason", "status", "duration_minutes", "created_at", "ends_at")) {
            assertFalse(sql.contains(column), column + " is not read: " + sql);
        }
        Appointment first = rows.get(0);
        assertEquals(t, first.date);
        assertEquals(ann.id, first.patientId, "belongsTo keys are read for includes and the audit trail");
        assertNull(first.status, "not read, so null: not the field's default");
        assertNull(first.durationMinutes);
        assertEquals(Set.of("id", "date"), first.attributes());
    }

    @Test
    void shouldSelectEveryAttributeButTheExcludedOnes() {
        clinic();
        List<Doctor> rows = new ArrayList<>();
        String sql = SqlLog.selected(SqlLog.reading(SqlLog.during(() -> rows.addAll(
                Doctor.findAll(where("id", ada.id), attributes(exclude("specialty", "phone", "id")))
        )), "doctors"));
        assertFalse(sql.contains("specialty"), sql);
        assertFalse(sql.contains("phone"), sql);
        assertTrue(sql.contains("email"), sql);
        assertEquals(ada.email, rows.get(0).email);
        assertNull(rows.get(0).specialty);
        assertEquals(ada.id, rows.get(0).id, "id stays, even when excluded");
    }

    @Test
    void shouldRefuseToWriteARowFoundWithAttributes() {
        clinic();
        Doctor partial = Doctor.findByPk(ada.id, attributes("name")).orElseThrow();
        partial.name = "Renamed";
        IllegalStateException e = assertThrows(IllegalStateException.class, partial::save);
        assertTrue(e.getMessage().contains("without attributes"), e.getMessage());
        assertThrows(IllegalStateException.class, partial::destroy);
        assertThrows(IllegalStateException.class, partial::restore);
        em.clear();
        Doctor whole = Doctor.findByPk(ada.id).orElseThrow();
        assertEquals("Ada", whole.name);
        assertEquals("Cardiology", whole.specialty, "nothing was written over the full row");
        assertNull(whole.deletedAt);
    }

    @Test
    void shouldSelectAToManyIncludesAttributesOnly() {
        clinic();
        List<Doctor> rows = new ArrayList<>();
        List<String> sql = SqlLog.during(() -> rows.addAll(
                Doctor.findAll(where("id", ada.id), include(assoc("appointments").attributes("date")))));
        String appointments = SqlLog.selected(SqlLog.reading(sql, "appointments"));
        assertTrue(appointments.contains("starts_at"), appointments);
        assertFalse(appointments.contains("reason"), appointments);
        assertTrue(SqlLog.selected(SqlLog.reading(sql, "doctors")).contains("specialty"), "the doctor is whole");
        @SuppressWarnings("unchecked")
        List<Appointment> included = (List<Appointment>) rows.get(0).included("appointments");
        assertEquals(2, included.size());
        assertEquals(Set.of("id", "date"), included.get(0).attributes());
        assertNull(included.get(0).reason);
        assertNull(rows.get(0).attributes());
    }

    @Test
    void shouldSelectAToOneIncludesAttributesOnlyAndShowNullWhereItsWhereFails() {
        clinic();
        List<Appointment> rows = new ArrayList<>();
        List<String> sql = SqlLog.during(() -> rows.addAll(Appointment.findAll(where("doctorId", ada.id),
                include(assoc("patient").attributes("name")), include(assoc("doctor").attributes("name")
                        .where(where("name", "Nobody")).required(false)), order("date"))));
        String patients = SqlLog.selected(SqlLog.reading(sql, "patients"));
        assertFalse(patients.contains("email"), patients);
        Patient patient = (Patient) rows.get(0).included("patient");
        assertEquals("Ann", patient.name);
        assertNull(patient.email);
        assertNull(rows.get(0).included("doctor"), "its where leaves the doctor out");
        assertNull(rows.get(0).attributes(), "the appointments are whole, managed rows");
    }
}
