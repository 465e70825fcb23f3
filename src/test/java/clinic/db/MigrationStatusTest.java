package clinic.db;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** db:migrate:status: every changeset, migrations then seeders, up with the time it ran or down (pending). */
class MigrationStatusTest {

    private static final String UP = "  up    \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  ";
    private static final String DOWN = "  down                       ";

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
    void shouldListEverythingAsPendingOnAnEmptyDatabase() throws Exception {
        db.migrations.status();

        List<String> lines = db.output().lines().toList();
        int migrations = db.changesets(false);
        assertEquals("Migrations:", lines.get(0));
        assertTrue(lines.get(1).matches(DOWN + "001-btree-gist +001-btree-gist.yaml"), lines.get(1));
        assertEquals("Seeders (context seed):", lines.get(migrations + 1));
        assertTrue(lines.get(migrations + 2).matches(DOWN + "seed-clinic +seed/001-clinic.yaml"),
                lines.get(migrations + 2));
        assertEquals("0 applied (up), " + (migrations + db.changesets(true)) + " pending (down).",
                lines.get(lines.size() - 1));
    }

    @Test
    void shouldListAppliedMigrationsAsUpAndSeedersAsPending() throws Exception {
        db.migrations.migrate("006-agenda-covering-indexes");
        db.output();

        db.migrations.status();

        List<String> lines = db.output().lines().toList();
        assertTrue(lines.get(2).matches(UP + "doctors-table +002-doctors.yaml"), lines.get(2));
        assertTrue(lines.get(9).matches(UP + "appointments-no-overlap +005-appointments-no-overlap.yaml"),
                lines.get(9));
        assertTrue(lines.get(10).matches(UP + "appointments-agenda-covering-indexes +006-agenda-covering-indexes.yaml"),
                lines.get(10));
        assertTrue(lines.get(11).matches(DOWN + "audit-events-table +007-audit-events.yaml"), lines.get(11));
        int migrations = db.changesets(false);
        assertTrue(lines.get(migrations + 2).matches(DOWN + "seed-clinic +seed/001-clinic.yaml"),
                lines.get(migrations + 2));
        assertEquals("10 applied (up), " + (migrations + db.changesets(true) - 10) + " pending (down).",
                lines.get(lines.size() - 1));
    }
}
