package clinic.db;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** db:seed --seed and db:seed:undo --seed: one seeder, named by its file. */
class SingleSeederTest {

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
    void shouldSeedAndUnseedOneSeederByItsName() throws Exception {
        db.migrations.migrate();
        List<String> schema = db.schema();
        db.output();

        db.seeders.seed("001-clinic");
        assertEquals("== seed-clinic (seed/001-clinic.yaml): seeded\n", db.output());
        assertEquals(3, db.count("doctors"));
        db.seeders.seed("seed/001-clinic.yaml");
        assertEquals("No seeders were executed, seed/001-clinic.yaml was already applied.\n", db.output());

        db.seeders.seedUndo("001-clinic.yaml");
        assertEquals("== seed-clinic (seed/001-clinic.yaml): reverted\n", db.output());
        assertEquals(0, db.count("doctors"));
        assertEquals(schema, db.schema());
        db.seeders.seedUndo("001-clinic");
        assertEquals("No executed seeders found.\n", db.output());
    }

    @Test
    void shouldUnseedOneSeederWhenAMigrationRanAfterIt() throws Exception {
        db.migrations.migrate("006-agenda-covering-indexes");
        liquibase().update(new Contexts(Changelog.SEEDS), new LabelExpression());
        db.migrations.migrate();
        List<String> schema = db.schema();
        db.output();

        db.seeders.seedUndo("001-clinic");
        assertEquals("== seed-clinic (seed/001-clinic.yaml): reverted\n", db.output());
        assertEquals(schema, db.schema());
        assertEquals(0, db.count("databasechangelog WHERE id = 'seed-clinic'"));
        assertEquals(db.changesets(false), db.count("databasechangelog"));
    }

    @Test
    void shouldRefuseOneSeederWhileMigrationsArePending() throws Exception {
        db.migrations.migrate("006-agenda-covering-indexes");

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> db.seeders.seed("001-clinic"));
        assertTrue(refused.getMessage().contains("run db:migrate first"), refused.getMessage());
        assertEquals(0, db.count("doctors"));
    }

    private Liquibase liquibase() throws Exception {
        return new Liquibase(MigrationScratchDatabase.MASTER, new ClassLoaderResourceAccessor(),
                DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(db.connection)));
    }
}
