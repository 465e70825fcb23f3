package clinic.model;

import clinic.appointment.Appointment;
import clinic.doctor.Doctor;
import clinic.patient.Patient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Sequelize's {@code row.increment} / {@code decrement}: atomic in SQL, numeric attributes only. */
@QuarkusTest
class IncrementTest {

    @Test
    void shouldAddInSqlSoAStaleRowLosesNoConcurrentIncrement() {
        long id = QuarkusTransaction.requiringNew().call(() -> booking().id);
        QuarkusTransaction.requiringNew().run(() -> {
            Appointment stale = Appointment.findByPk(id).orElseThrow();
            assertEquals(30, stale.durationMinutes);
            QuarkusTransaction.requiringNew().run(() -> Appointment.findByPk(id).orElseThrow()
                    .increment("durationMinutes", 15));
            stale.increment("durationMinutes", 10);
            assertEquals(55, stale.durationMinutes, "30 + 15 + 10: not the stale 30 + 10");
            assertEquals(stale.date.plus(Duration.ofMinutes(55)), stale.endsAt, "the derived column follows");
        });
        Appointment stored = QuarkusTransaction.requiringNew().call(() -> Appointment.findByPk(id).orElseThrow());
        assertEquals(55, stored.durationMinutes);
        assertEquals(stored.date.plus(Duration.ofMinutes(55)), stored.endsAt);
    }

    @Test
    void shouldDecrementAndKeepTheRowsOtherChanges() {
        QuarkusTransaction.requiringNew().run(() -> {
            Appointment a = booking();
            a.reason = "changed, not yet saved";
            a.decrement("durationMinutes", 20);
            assertEquals(10, a.durationMinutes);
            assertEquals("changed, not yet saved", a.reason);
            assertEquals(java.util.Set.of("reason"), a.changed());
        });
    }

    @Test
    void shouldRefuseWhatIsNotANumberOrNotSaved() {
        QuarkusTransaction.requiringNew().run(() -> {
            Appointment a = booking();
            for (String field : new String[]{"reason", "status", "version", "doctorId", "id", "nope"}) {
                assertThrows(QueryException.class, () -> a.increment(field, 1), field);
            }
            assertThrows(QueryException.class, () -> new Appointment().increment("durationMinutes", 1));
        });
    }

    @Test
    void shouldLeaveTheRangeToTheDatabaseAndTheRules() {
        assertThrows(PersistenceException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                booking().increment("durationMinutes", 1000)));
    }

    private static Appointment booking() {
        String tag = TestData.tag();
        Doctor d = TestData.doctor(tag, "Ada");
        Patient p = TestData.patient(tag, "Ann");
        return TestData.appointment(d, p, TestData.someFutureHour());
    }
}
