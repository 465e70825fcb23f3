package clinic.model;

import clinic.doctor.Doctor;
import clinic.patient.Patient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static clinic.model.Where.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Transactions with an isolation level and retries, afterCommit, the unmanaged form, and raw queries. */
@QuarkusTest
class TransactionsTest {

    @Test
    void shouldRunAtTheIsolationLevelAsked() {
        for (Transactions.Isolation level : Transactions.Isolation.values()) {
            String shown = Transactions.transaction(level, 0, () -> String.valueOf(
                    Sequelize.query("SHOW transaction_isolation", Map.of()).get(0).values().iterator().next()));
            assertEquals(level.name().replace('_', ' ').toLowerCase(), shown);
        }
    }

    @Test
    void shouldRetryASerializationFailure() {
        AtomicInteger attempts = new AtomicInteger();
        int result = Transactions.transaction(Transactions.Isolation.SERIALIZABLE, 2, () -> {
            if (attempts.incrementAndGet() == 1) {
                // what PostgreSQL answers when a concurrent serializable transaction won
                io.quarkus.hibernate.orm.panache.Panache.getEntityManager().createNativeQuery(
                        "DO $$ BEGIN RAISE EXCEPTION 'could not serialize' USING ERRCODE = '40001'; END $$")
                        .executeUpdate();
            }
            return attempts.get();
        });
        assertEquals(2, result);
    }

    @Test
    void shouldRunAfterCommitOnlyOnCommit() {
        AtomicInteger ran = new AtomicInteger();
        Transactions.transaction(() -> {
            Transactions.afterCommit(ran::incrementAndGet);
            return null;
        });
        assertEquals(1, ran.get());
        assertThrows(IllegalStateException.class, () -> Transactions.transaction(() -> {
            Transactions.afterCommit(ran::incrementAndGet);
            throw new IllegalStateException("rolled back");
        }));
        assertEquals(1, ran.get());
    }

    @Test
    void shouldCommitOrRollBackAnUnmanagedTransaction() {
        String tag = TestData.tag();
        Transactions.begin();
        TestData.doctor(tag, "Ada");
        Transactions.rollback();
        Transactions.begin();
        TestData.doctor(tag, "Bea");
        Transactions.commit();
        assertEquals(1, QuarkusTransaction.requiringNew().call(() ->
                Doctor.count(where("email", Where.endsWith("." + tag + "@model.test")))));
    }

    @Test
    void shouldBindRawQueryReplacementsNeverSpliceThem() {
        String tag = TestData.tag();
        QuarkusTransaction.requiringNew().run(() -> TestData.patient(tag, "Ann"));
        String hostile = "x' OR '1'='1";
        List<Map<String, Object>> none = QuarkusTransaction.requiringNew().call(() ->
                Sequelize.query("SELECT id, name FROM patients WHERE name = :name", Map.of("name", hostile)));
        assertTrue(none.isEmpty(), "the injection stayed a value");
        List<Patient> ann = QuarkusTransaction.requiringNew().call(() -> Sequelize.query(
                "SELECT p.* FROM patients p WHERE p.email LIKE :email", Map.of("email", "%." + tag + "@model.test"),
                Patient.class));
        assertEquals(List.of("Ann"), ann.stream().map(p -> p.name).toList());
    }
}
