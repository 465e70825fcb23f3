package clinic.model;

import clinic.RequestScope;
import clinic.doctor.Doctor;
import clinic.patient.Patient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static clinic.model.FindOptions.paranoid;
import static clinic.model.Where.iLike;
import static clinic.model.Where.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class WritesTest {

    @Test
    @TestTransaction
    void shouldUpdateDestroyAndRestoreMatchingRowsReturningCounts() {
        String tag = TestData.tag();
        TestData.doctor(tag, "Ada");
        TestData.doctor(tag, "Bea");
        Where mine = where("email", iLike("%." + tag + "@model.test"));

        assertEquals(2, Doctor.update(Map.of("specialty", "Oncology"), mine));
        assertEquals(2, Doctor.count(where("specialty", "Oncology").and(mine)));
        assertEquals(2, Doctor.destroy(mine, false));
        assertEquals(0, Doctor.count(mine));
        assertEquals(2, Doctor.count(mine, paranoid(false)));
        assertEquals(2, Doctor.restore(mine));
        assertEquals(2, Doctor.count(mine));
        assertEquals(2, Doctor.destroy(mine, true));
        assertEquals(0, Doctor.count(mine, paranoid(false)));
    }

    @Test
    @TestTransaction
    void shouldSaveReloadDestroyAndRestoreAnInstance() {
        Doctor d = TestData.doctor(TestData.tag(), "Ada");
        Integer version = d.version;
        Doctor.update(Map.of("phone", "+1 555"), where("id", d.id));

        d.reload();
        assertEquals("+1 555", d.phone);
        assertEquals(version + 1, d.version);
        d.destroy();
        assertNotNull(Doctor.findByPk(d.id, paranoid(false)).orElseThrow().deletedAt);
        d.restore();
        assertNull(Doctor.findByPk(d.id).orElseThrow().deletedAt);
    }

    @Test
    @TestTransaction
    void shouldValidateEveryRowBeforeBulkCreateWritesAny() {
        String tag = TestData.tag();
        List<Patient> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Patient p = new Patient();
            p.name = "  Patient " + i + " ";
            p.email = "p" + i + "." + tag + "@model.test";
            rows.add(p);
        }
        Patient.bulkCreate(rows);
        assertEquals(3, Patient.count(where("email", iLike("%." + tag + "@model.test"))));
        assertEquals("Patient 0", rows.get(0).name);

        Patient bad = new Patient();
        bad.name = " ";
        bad.email = "bad." + tag + "@model.test";
        assertThrows(ConstraintViolationException.class, () -> Patient.bulkCreate(List.of(bad)));
    }

    @Test
    void shouldFindOrCreateOnceEvenUnderConcurrency() throws Exception {
        String email = "race." + TestData.tag() + "@model.test";
        // worker threads have no request context, which the replica routing's tenant needs (README, Scaling out)
        Callable<Boolean> call = () -> RequestScope.call(() -> QuarkusTransaction.requiringNew().call(() ->
                Patient.findOrCreate(where("email", email), () -> named("Racer")).created()));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(call));
        }
        int created = 0;
        for (Future<Boolean> f : results) {
            created += f.get() ? 1 : 0;
        }
        pool.shutdown();

        assertEquals(1, created);
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> Patient.count(where("email", email))));
        assertFalse(QuarkusTransaction.requiringNew().call(() ->
                Patient.findOrCreate(where("email", email), () -> named("Again")).created()));
    }

    @Test
    void shouldRollBackTheTransactionWhenTheCallbackThrows() {
        String email = "rollback." + TestData.tag() + "@model.test";
        assertThrows(IllegalStateException.class, () -> Transactions.transaction(() -> {
            Patient p = named("Rolled Back");
            p.email = email;
            p.save();
            throw new IllegalStateException("boom");
        }));
        assertTrue(Transactions.transaction(() -> Patient.findOne(where("email", email)).isEmpty()));
    }

    private static Patient named(String name) {
        Patient p = new Patient();
        p.name = name;
        return p;
    }
}
