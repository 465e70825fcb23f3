package clinic.db;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seeders only ever insert and delete rows: the schema is the migrations' business. */
class MigrationSeedTest {

    private static final List<String> TABLES = List.of("doctors", "patients", "appointments");

    private MigrationScratchDatabase db;

    @BeforeEach
    void createMigratedScratchDatabase() throws Exception {
        db = new MigrationScratchDatabase();
        db.migrations.migrate();
        db.output();
    }

    @AfterEach
    void dropScratchDatabase() throws Exception {
        db.close();
    }

    @Test
    void shouldNotSeedOnMigrate() throws Exception {
        assertEquals(List.of(0L, 0L, 0L), counts());
        db.migrations.status();
        assertTrue(db.output().contains("down                       seed-clinic"));
    }

    @Test
    void shouldSeedAndUnseedWithoutTouchingTheSchema() throws Exception {
        List<String> schema = db.schema();

        db.seeders.seedAll();
        assertEquals("== seed-clinic (seed/001-clinic.yaml): seeded\n", db.output());
        assertEquals(List.of(3L, 3L, 6L), counts());
        assertEquals(schema, db.schema());

        db.seeders.seedUndoAll();
        assertEquals("== seed-clinic (seed/001-clinic.yaml): reverted\n", db.output());
        assertEquals(List.of(0L, 0L, 0L), counts());
        assertEquals(schema, db.schema());
    }

    @Test
    void shouldSeedDenseIdsAndLeaveTheSequencesRightAfterThem() throws Exception {
        db.seeders.seedAll();

        for (String table : TABLES) {
            List<Long> ids = new ArrayList<>();
            try (var rs = db.connection.createStatement().executeQuery("SELECT id FROM " + table + " ORDER BY id")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            assertEquals(LongStream.rangeClosed(1, ids.size()).boxed().toList(), ids, table);
            try (var rs = db.connection.createStatement().executeQuery("SELECT nextval('" + table + "_seq')")) {
                rs.next();
                assertEquals(ids.size() + 1, rs.getLong(1), "the service's first block starts after the seeded "
                        + table);
            }
        }
    }

    @Test
    void shouldBeHarmlessToRunSeedersTwice() throws Exception {
        db.seeders.seedAll();
        db.output();

        db.seeders.seedAll();
        assertEquals("No seeders were executed, all seeders were already applied.\n", db.output());
        assertEquals(List.of(3L, 3L, 6L), counts());
    }

    @Test
    void shouldSeedAgainAfterUnseeding() throws Exception {
        db.seeders.seedAll();
        db.seeders.seedUndoAll();

        db.seeders.seedAll();
        assertEquals(List.of(3L, 3L, 6L), counts());
    }

    @Test
    void shouldRefuseToUndoMigrationsUnderSeededRows() throws Exception {
        db.seeders.seedAll();
        List<String> schema = db.schema();

        IllegalStateException refused = assertThrows(IllegalStateException.class, db.migrations::undoAll);
        assertTrue(refused.getMessage().contains("run db:seed:undo:all first"), refused.getMessage());
        assertThrows(IllegalStateException.class, db.migrations::undo);
        assertEquals(schema, db.schema());
        assertEquals(List.of(3L, 3L, 6L), counts());
    }

    @Test
    void shouldRefuseToSeedWhileMigrationsArePending() throws Exception {
        db.migrations.undo();

        IllegalStateException refused = assertThrows(IllegalStateException.class, db.seeders::seedAll);
        assertTrue(refused.getMessage().contains("run db:migrate first"), refused.getMessage());
    }

    @Test
    void shouldUndoOnlySeedersWhenAMigrationRanAfterThem() throws Exception {
        db.migrations.undo();
        liquibase().update(new Contexts(Changelog.SEEDS), new LabelExpression());
        db.migrations.migrate();
        List<String> schema = db.schema();
        db.output();

        db.seeders.seedUndoAll();
        assertEquals("== seed-clinic (seed/001-clinic.yaml): reverted\n", db.output());
        assertEquals(schema, db.schema());
        db.migrations.status();
        assertTrue(db.output().endsWith(db.changesets(false) + " applied (up), 1 pending (down).\n"));
    }

    private Liquibase liquibase() throws Exception {
        Database database = DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(db.connection));
        return new Liquibase(MigrationScratchDatabase.MASTER, new ClassLoaderResourceAccessor(), database);
    }

    private List<Long> counts() throws Exception {
        List<Long> counts = new ArrayList<>();
        for (String table : TABLES) {
            counts.add(db.count(table));
        }
        return counts;
    }
}
