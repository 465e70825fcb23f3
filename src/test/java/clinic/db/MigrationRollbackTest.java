package clinic.db;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void shouldRestoreTheLastMigrationAfterUndoAndMigrate() throws Exception {
        db.migrations.migrate();
        List<String> migrated = db.schema();
        db.output();

        db.migrations.undo();
        assertTrue(db.output().contains(
                "== appointments-agenda-covering-indexes (006-agenda-covering-indexes.yaml): reverted"));
        List<String> undone = db.schema();
        assertNotEquals(migrated, undone);
        assertTrue(migrated.stream().anyMatch(line -> line.contains("INCLUDE")), migrated::toString);
        assertTrue(undone.stream().noneMatch(line -> line.contains("INCLUDE")), undone::toString);

        db.migrations.migrate();
        assertEquals(migrated, db.schema());
    }

    @Test
    void shouldUndoEachMigrationOnItsOwn() throws Exception {
        db.migrations.migrate();
        List<String> migrated = db.schema();
        List<String> previous = migrated;
        db.output();

        for (int undone = 1; undone <= 10; undone++) {
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
}
