package clinic.model;

import clinic.appointment.Appointment;
import clinic.doctor.Doctor;
import clinic.patient.Patient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static clinic.model.FindOptions.include;
import static clinic.model.FindOptions.lock;
import static clinic.model.FindOptions.paranoid;
import static clinic.model.Where.iLike;
import static clinic.model.Where.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The write paths keep the rules of an instance write: validation, derived columns, timestamps, version, scope. */
@QuarkusTest
class BulkWritesTest {

    @Test
    @TestTransaction
    void shouldKeepEndsAtRightOnABulkUpdateSoTheOverlapRuleSeesTheNewTime() {
        String tag = TestData.tag();
        Doctor d = TestData.doctor(tag, "Ada");
        Instant t = TestData.someFutureHour();
        Appointment a = TestData.appointment(d, TestData.patient(tag, "Pat"), t);
        Appointment b = TestData.appointment(d, TestData.patient(tag, "Sam"), t.plus(Duration.ofHours(2)));

        assertEquals(1, Appointment.update(Map.of("date", t.plus(Duration.ofHours(5))), where("id", a.id)));
        a.reload();
        assertEquals(t.plus(Duration.ofHours(5)).plus(Duration.ofMinutes(30)), a.endsAt);
        assertEquals(1, a.version);
        assertThrows(PersistenceException.class,
                () -> Appointment.update(Map.of("date", t.plus(Duration.ofHours(5))), where("id", b.id)),
                "the moved booking now blocks its new slot");
    }

    @Test
    @TestTransaction
    void shouldValidateABulkUpdate() {
        Doctor d = TestData.doctor(TestData.tag(), "Ada");
        assertThrows(ConstraintViolationException.class, () -> Doctor.update(Map.of("name", " "), where("id", d.id)));
        assertThrows(QueryException.class, () -> Appointment.update(Map.of("endsAt", Instant.now()), where("id", 1)));
        assertThrows(QueryException.class, () -> Doctor.update(Map.of("version", 7), where("id", d.id)));
    }

    @Test
    @TestTransaction
    void shouldRefuseABulkWriteWithoutWhereUnlessAllIsSaid() {
        assertThrows(QueryException.class, () -> Doctor.update(Map.of("specialty", "X"), Where.where()));
        assertThrows(QueryException.class, () -> Doctor.destroy(Where.where(), false));
        assertThrows(QueryException.class, () -> Doctor.restore(Where.where()));
        String tag = TestData.tag();
        TestData.doctor(tag, "Ada");
        assertTrue(Doctor.update(Map.of("specialty", "Neurology"), Where.all()) >= 1);
        assertEquals(0, Doctor.count(where("specialty", Where.ne("Neurology"))));
    }

    @Test
    @TestTransaction
    void shouldBumpUpdatedAtOnBulkSoftDestroyAndRestore() {
        Doctor d = TestData.doctor(TestData.tag(), "Ada");
        Instant created = d.updatedAt;
        Doctor.destroy(where("id", d.id), false);
        Doctor gone = Doctor.findByPk(d.id, paranoid(false)).orElseThrow();
        gone.reload();
        assertTrue(gone.updatedAt.isAfter(created), "destroy bumps updatedAt");
        Instant destroyed = gone.updatedAt;
        Doctor.restore(where("id", d.id));
        gone.reload();
        assertTrue(gone.updatedAt.isAfter(destroyed), "restore bumps updatedAt");
        assertEquals(2, gone.version);
    }

    @Test
    @TestTransaction
    void shouldFilterAParentByANestedToOneIncludesWhere() {
        String tag = TestData.tag();
        Doctor withAnn = TestData.doctor(tag, "Ada");
        Doctor withBob = TestData.doctor(tag, "Bea");
        Patient ann = TestData.patient(tag, "Ann");
        Patient bob = TestData.patient(tag, "Bob");
        Instant t = TestData.someFutureHour();
        TestData.appointment(withAnn, ann, t);
        TestData.appointment(withBob, bob, t.plus(Duration.ofHours(1)));
        TestData.appointment(withAnn, bob, t.plus(Duration.ofHours(2)));

        List<Doctor> doctors = Doctor.findAll(where("email", iLike("%." + tag + "@model.test")),
                include("appointments.patient", where("name", "Ann")));
        assertEquals(List.of(withAnn.id), doctors.stream().map(x -> x.id).toList(), "only parents with a match");
        @SuppressWarnings("unchecked")
        List<Appointment> shown = (List<Appointment>) doctors.get(0).included("appointments");
        assertEquals(1, shown.size(), "only the appointments whose patient matches");
        assertEquals(ann.id, shown.get(0).patientId);
        assertEquals(1, Doctor.count(where("email", iLike("%." + tag + "@model.test")),
                include("appointments.patient", where("name", "Ann"))));
    }

    @Test
    void shouldFindOrCreateInTheCallersTransaction() {
        String email = "foc." + TestData.tag() + "@model.test";
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            var created = Patient.findOrCreate(where("email", email), () -> {
                Patient p = new Patient();
                p.name = "Rolled Back";
                return p;
            });
            assertTrue(created.created());
            throw new IllegalStateException("the caller rolls back");
        }));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> Patient.count(where("email", email))),
                "the row went with the caller's rollback");
    }

    @Test
    void shouldLockOnlyTheRowFindOneReturns() throws Exception {
        String tag = TestData.tag();
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> List.of(TestData.doctor(tag, "Ada").id,
                TestData.doctor(tag, "Bea").id));
        QuarkusTransaction.requiringNew().run(() -> {
            Doctor first = Doctor.findOne(where("email", iLike("%." + tag + "@model.test")),
                    FindOptions.order("id"), lock()).orElseThrow();
            assertEquals(ids.get(0), first.id);
            // a connection of its own: the pool's would be this transaction's
            String url = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getValue("quarkus.datasource.jdbc.url", String.class);
            try (Connection other = java.sql.DriverManager.getConnection(url); Statement st = other.createStatement()) {
                st.execute("SET lock_timeout = '500ms'");
                st.execute("SELECT id FROM doctors WHERE id = " + ids.get(1) + " FOR UPDATE NOWAIT");
                SQLException locked = assertThrows(SQLException.class,
                        () -> st.execute("SELECT id FROM doctors WHERE id = " + ids.get(0) + " FOR UPDATE NOWAIT"));
                assertNotEquals(null, locked.getMessage());
            } catch (SQLException e) {
                throw new IllegalStateException("the row findOne did not return was locked: " + e.getMessage(), e);
            }
        });
        assertFalse(ids.isEmpty());
    }
}
