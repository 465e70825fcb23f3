package clinic.model;

import clinic.appointment.Appointment;
import clinic.doctor.Doctor;
import clinic.patient.Patient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static clinic.model.FindOptions.Lock.SHARE;
import static clinic.model.FindOptions.lock;
import static clinic.model.FindOptions.order;
import static clinic.model.FindOptions.skipLocked;
import static clinic.model.Where.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code lock(SHARE)} and {@code skipLocked()} beside {@code lock()}, with two transactions: the outer one holds its
 * locks while a new one (requiringNew suspends, never ends, the outer) tries the same rows without waiting.
 */
@QuarkusTest
class LocksTest {

    @Test
    void shouldSkipTheRowAnotherTransactionHolds() {
        List<Long> ids = QuarkusTransaction.requiringNew().call(LocksTest::twoBookings);
        Where both = where("id", Where.in(ids));
        QuarkusTransaction.requiringNew().run(() -> {
            Appointment held = Appointment.findOne(both, order("date"), lock()).orElseThrow();
            assertEquals(ids.get(0), held.id);
            List<Long> free = QuarkusTransaction.requiringNew().call(() ->
                    Appointment.findAll(both, order("date"), lock(), skipLocked()).stream().map(a -> a.id).toList());
            assertEquals(List.of(ids.get(1)), free, "the next worker takes the next row");
        });
        assertEquals(ids, QuarkusTransaction.requiringNew().call(() -> Appointment.findAll(both, order("date"),
                lock(), skipLocked()).stream().map(a -> a.id).toList()), "released when the holder ended");
    }

    @Test
    void shouldLetTwoReadersShareARowThatNoWriterMayLock() {
        List<Long> ids = QuarkusTransaction.requiringNew().call(LocksTest::twoBookings);
        Where first = where("id", ids.get(0));
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(1, Appointment.findAll(first, lock(SHARE)).size());
            QuarkusTransaction.requiringNew().run(() -> {
                assertEquals(1, Appointment.findAll(first, lock(SHARE), skipLocked()).size(),
                        "a second reader holds it too");
                assertEquals(0, Appointment.findAll(first, lock(), skipLocked()).size(),
                        "a writer's lock conflicts with the readers'");
            });
        });
    }

    @Test
    void shouldRefuseSkipLockedWithoutALock() {
        assertThrows(QueryException.class, () -> Appointment.findAll(where("id", 1), skipLocked()));
    }

    private static List<Long> twoBookings() {
        String tag = TestData.tag();
        Doctor d = TestData.doctor(tag, "Ada");
        Patient p = TestData.patient(tag, "Ann");
        Instant t = TestData.someFutureHour();
        return List.of(TestData.appointment(d, p, t).id, TestData.appointment(d, p, t.plus(Duration.ofHours(1))).id);
    }
}
