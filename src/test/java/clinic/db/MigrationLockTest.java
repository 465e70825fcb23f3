package clinic.db;

import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Liquibase's changelog lock across processes (clinic.db.SessionLockService): a lock row left LOCKED by a migrator
 * that died is cleared by the next one, a live migrator's is waited for.
 */
class MigrationLockTest {

    private static final String DEAD_HOLDER = "UPDATE databasechangeloglock"
            + " SET locked = TRUE, lockgranted = now(), lockedby = 'clinic-7d9f-x2 (10.0.0.9)'";

    private MigrationScratchDatabase db;

    @BeforeEach
    void createScratchDatabaseWithItsLockTable() throws Exception {
        db = new MigrationScratchDatabase();
        db.migrations.migrate("001-btree-gist");
    }

    @AfterEach
    void dropScratchDatabase() throws Exception {
        db.close();
    }

    @Test
    void shouldClearTheLockOfAMigratorThatDied() throws Exception {
        try (Connection dead = DriverManager.getConnection(db.url); Statement st = dead.createStatement()) {
            st.executeUpdate(DEAD_HOLDER);
        }
        assertEquals(List.of("t"), db.lines("SELECT locked FROM databasechangeloglock"));

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> db.migrations.migrate(),
                "db:migrate waited for the lock of a process that is gone");
        assertEquals(db.changesets(false), db.count("databasechangelog"));
        assertEquals(List.of("f"), db.lines("SELECT locked FROM databasechangeloglock"));
    }

    @Test
    void shouldWaitForAMigratorThatIsAlive() throws Exception {
        try (Connection alive = DriverManager.getConnection(db.url); Statement st = alive.createStatement();
             Connection ours = DriverManager.getConnection(db.url)) {
            st.execute("SELECT pg_advisory_lock(" + SessionLockService.KEY + ")");
            st.executeUpdate(DEAD_HOLDER);
            SessionLockService lock = lockService(ours);

            assertFalse(lock.acquireLock(), "took the lock of a migrator whose session is alive");
            assertEquals(List.of("t"), db.lines("SELECT locked FROM databasechangeloglock"));

            st.executeUpdate("UPDATE databasechangeloglock SET locked = FALSE");
            st.execute("SELECT pg_advisory_unlock(" + SessionLockService.KEY + ")");
            assertTrue(lock.acquireLock());
            assertEquals(List.of("t"), db.lines("SELECT locked FROM databasechangeloglock"));
            assertFalse(tryLockFrom(alive), "the advisory lock is not held while Liquibase's lock is");

            lock.releaseLock();
            assertEquals(List.of("f"), db.lines("SELECT locked FROM databasechangeloglock"));
            assertTrue(tryLockFrom(alive), "the advisory lock outlived Liquibase's lock");
        }
    }

    private static SessionLockService lockService(Connection connection) throws Exception {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        SessionLockService lock = new SessionLockService();
        assertTrue(lock.supports(database));
        lock.setDatabase(database);
        return lock;
    }

    private static boolean tryLockFrom(Connection connection) throws Exception {
        try (Statement st = connection.createStatement();
             var rs = st.executeQuery("SELECT pg_try_advisory_lock(" + SessionLockService.KEY + ")")) {
            rs.next();
            boolean taken = rs.getBoolean(1);
            if (taken) {
                st.execute("SELECT pg_advisory_unlock(" + SessionLockService.KEY + ")");
            }
            return taken;
        }
    }
}
