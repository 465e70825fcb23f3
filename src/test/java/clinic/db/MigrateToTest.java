package clinic.db;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** db:migrate --to and db:migrate:undo:all --to, as umzug's up({to}) and down({to}): both include the one named. */
class MigrateToTest {

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
    void shouldMigrateUpToAndIncludingEveryChangesetOfAFile() throws Exception {
        db.migrations.migrate("002-doctors");

        assertEquals("""
                == 001-btree-gist (001-btree-gist.yaml): migrated
                == doctors-table (002-doctors.yaml): migrated
                == doctors-email-unique (002-doctors.yaml): migrated
                """, db.output());
        assertEquals(List.of("001-btree-gist", "doctors-table", "doctors-email-unique"), applied());
    }

    @Test
    void shouldMigrateUpToAChangesetNamedByIdAndThenNoFurther() throws Exception {
        db.migrations.migrate("patients-table");
        db.output();

        db.migrations.migrate("003-patients.yaml");
        assertEquals("== patients-email-unique (003-patients.yaml): migrated\n", db.output());
        db.migrations.migrate("patients-table");
        assertEquals("No migrations were executed, database schema was already up to date.\n", db.output());
        assertEquals(5, applied().size());
    }

    @Test
    void shouldUndoBackToAndIncludingAFileAndMigrateBackToTheSameSchema() throws Exception {
        db.migrations.migrate();
        List<String> migrated = db.schema();
        db.output();

        db.migrations.undoAll("004-appointments");
        assertTrue(db.output().endsWith("== appointments-table (004-appointments.yaml): reverted\n"));
        assertEquals(List.of("001-btree-gist", "doctors-table", "doctors-email-unique", "patients-table",
                "patients-email-unique"), applied());
        assertTrue(db.schema().stream().noneMatch(line -> line.contains("appointments")));

        db.migrations.migrate();
        assertEquals(migrated, db.schema());
    }

    @Test
    void shouldRefuseToUndoToUnderSeededRows() throws Exception {
        db.migrations.migrate();
        db.seeders.seedAll();

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> db.migrations.undoAll("007-audit-events"));
        assertTrue(refused.getMessage().contains("run db:seed:undo:all first"), refused.getMessage());
    }

    private List<String> applied() throws Exception {
        return db.lines("SELECT id FROM databasechangelog ORDER BY orderexecuted");
    }
}
