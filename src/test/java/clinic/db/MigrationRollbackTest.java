package clinic.db;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every migration has a rollback that really undoes it: the schema after a round trip is the same schema. */
class MigrationRollbackTest {

    private MigrationScratchDatabase db;

    @BeforeEach
    void createScratchDatabase() throws Exception {
        db = new MigrationScratchDatabase();
    }

    @AfterEach
    void dropScratchDatabase() throws Exception {
        db.close();
    }

    @Test
    void shouldLeaveTheSameSchemaAfterMigrateUndoAllMigrate() throws Exception {
        db.migrations.migrate();
        List<String> migrated = db.schema();
        assertTrue(migrated.stream().anyMatch(line -> line.contains("EXCLUDE USING gist")), migrated::toString);

        db.migrations.undoAll();
        assertEquals(List.of(), db.schema());

        db.migrations.migrate();
        assertEquals(migrated, db.schema());
    }

    @Test
    void shouldRestoreTheAuditTrailAfterUndoAndMigrate() throws Exception {
        db.migrations.migrate("007-audit-events");
        List<String> migrated = db.schema();
        db.output();

        db.migrations.undo();
        assertTrue(db.output().contains("== audit-events-table (007-audit-events.yaml): reverted"));
        List<String> undone = db.schema();
        assertNotEquals(migrated, undone);
        assertTrue(migrated.stream().anyMatch(line -> line.contains("audit_events")), migrated::toString);
        assertTrue(undone.stream().noneMatch(line -> line.contains("audit_events")), undone::toString);

        db.migrations.migrate("007-audit-events");
        assertEquals(migrated, db.schema());
    }

    @Test
    void shouldUndoEachMigrationOnItsOwn() throws Exception {
        db.migrations.migrate();
        List<String> migrated = db.schema();
        List<String> previous = migrated;
        db.output();

        for (int undone = 1; undone <= db.changesets(false); undone++) {
            db.migrations.undo();
            assertTrue(db.output().contains(": reverted"), "undo number " + undone);
            List<String> schema = db.schema();
            assertNotEquals(previous, schema, "undo number " + undone + " changed nothing");
            previous = schema;
        }
        assertEquals(List.of(), previous);
        db.migrations.undo();
        assertEquals("No executed migrations found.\n", db.output());

        db.migrations.migrate();
        assertEquals(migrated, db.schema());
    }

    @Test
    void shouldRefuseToUndoTheAuditTrailWhileItHoldsRows() throws Exception {
        db.migrations.migrate("007-audit-events");
        try (var st = db.connection.createStatement()) {
            st.execute("INSERT INTO audit_events (id, recorded_at, actor, roles, action, method, path, patient_ids,"
                    + " status, request_id, created_at, updated_at, version) VALUES (nextval('audit_events_seq'),"
                    + " now(), 'someone', '{admin}', 'read', 'GET', '/patients/1', '{1}', 200, 'r1', now(), now(), 0)");
        }
        if (!db.connection.getAutoCommit()) {
            db.connection.commit(); // Liquibase leaves the connection in a transaction of its own
        }
        List<String> migrated = db.schema();
        db.output();
        Exception refused = assertThrows(Exception.class, () -> db.migrations.undo(), () -> db.output());
        StringBuilder why = new StringBuilder();
        for (Throwable t = refused; t != null; t = t.getCause()) {
            why.append(t.getMessage()).append('\n');
        }
        assertTrue(why.toString().contains("refusing to drop audit_events while it holds rows"), why.toString());
        assertEquals(migrated, db.schema());
        assertEquals(1, db.count("audit_events"));
    }
}
