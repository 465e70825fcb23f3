package clinic.db;

import io.smallrye.config.PropertiesConfigSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sequelize-cli verbs against a configured database, as `./mvnw -q compile exec:exec -Dcmd=...` runs them. */
class MigrationCliTest {

    private MigrationScratchDatabase db;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

    @BeforeEach
    void createScratchDatabase() throws Exception {
        db = new MigrationScratchDatabase();
    }

    @AfterEach
    void dropScratchDatabase() throws Exception {
        db.close();
    }

    @Test
    void shouldRunEveryCommandAgainstTheConfiguredDatabase() throws Exception {
        int all = db.changesets(false) + db.changesets(true);
        assertEquals(0, run("db:migrate"));
        assertTrue(printed().startsWith("Database: " + db.url.substring(0, db.url.indexOf('?'))
                + " (QUARKUS_DATASOURCE_JDBC_URL)\n== 001-btree-gist (001-btree-gist.yaml): migrated\n"));

        assertEquals(0, run("db:seed:all"));
        assertEquals(3, db.count("doctors"));

        assertEquals(0, run("db:migrate:status"));
        assertTrue(printed().endsWith(all + " applied (up), 0 pending (down).\n"));

        assertEquals(0, run("db:seed:undo:all"));
        assertEquals(0, db.count("doctors"));

        assertEquals(0, run("db:migrate:undo"));
        assertTrue(printed().contains("): reverted"));

        assertEquals(0, run("db:migrate:undo:all"));
        assertEquals(0, run("db:migrate:status"));
        assertTrue(printed().endsWith("0 applied (up), " + all + " pending (down).\n"));
    }

    @Test
    void shouldTakeFlagsAsSequelizeCliDoes() throws Exception {
        assertEquals(0, run("db:migrate", "--force=false", "--to 002-doctors"));
        assertTrue(printed().endsWith("== doctors-email-unique (002-doctors.yaml): migrated\n"));

        assertEquals(0, run("db:migrate", "--force=false", "--to=appointments-table"));
        assertTrue(printed().endsWith("== appointments-table (004-appointments.yaml): migrated\n"));

        assertEquals(0, run("db:migrate:undo:all", "--force=false", " --to  003-patients "));
        assertEquals(0, db.count("databasechangelog where id like 'patients%' or id like 'appointments%'"));
        assertEquals(3, db.count("databasechangelog"));
    }

    @Test
    void shouldAnswerBadArgumentsWithOneLineOfUsageAndExitTwo() throws Exception {
        assertUsage("Unknown command 'db:frobnicate'. Usage: ./mvnw -q compile exec:exec -Dcmd=<command>", "db:frobnicate");
        assertUsage("migration:generate needs --name <value>. Usage: ./mvnw -q compile exec:exec"
                + " -Dcmd=migration:generate -Dargs=\"--name <kebab-case-name>\"", "migration:generate");
        assertUsage("--name 'AddRoom' is not kebab-case", "migration:create", "--name=AddRoom");
        assertUsage("unexpected 'Room', flags are --name value or --name=value. Usage: ./mvnw -q compile exec:exec"
                + " -Dcmd=seed:generate", "seed:create", "--name add Room");
        assertUsage("--name '9lives' is not a Java identifier", "model:generate", "--name 9lives --attributes a:string");
        assertUsage("unknown attribute type 'varchar'", "model:create", "--name Nurse --attributes ward:varchar");
        assertUsage("db:migrate takes no --name", "db:migrate", "--name x");
        assertUsage("no migration 999-nothing in db/changelog/db.changelog-master.yaml", "db:migrate", "--to 999-nothing");
        assertUsage("no seeder seed/999-nothing.yaml", "db:seed", "--seed 999-nothing");
        assertUsage("db:seed:undo needs --seed <value>", "db:seed:undo");
        assertUsage("-Dforce is true or false, not 'yes'", "db:drop", "--force=yes");
        assertEquals(0, db.count("databasechangelog"));
    }

    @Test
    void shouldSayWhereSequelizeFoldersAreOnInit() throws Exception {
        assertEquals(0, run("init"));
        String printed = printed();
        for (String folder : new String[] {"config", "models", "migrations", "seeders"}) {
            assertTrue(printed.contains("\n  " + folder + " "), printed);
        }
        assertEquals(0, run("help"));
        assertTrue(printed().contains("  model:generate -Dargs=\"--name <Model> --attributes <field:type,...>\""));
    }

    private void assertUsage(String starts, String... argv) throws Exception {
        assertEquals(2, run(argv), String.join(" ", argv));
        String said = errors.toString(StandardCharsets.UTF_8);
        errors.reset();
        assertTrue(said.startsWith(starts), said);
        assertEquals(1, said.lines().count(), said);
        assertTrue(said.contains(". Usage: ./mvnw -q compile exec:exec -Dcmd="), said);
        assertEquals("", printed().replaceFirst("Database: .*\n", ""));
    }

    private int run(String... argv) throws Exception {
        PropertiesConfigSource configured = new PropertiesConfigSource(
                Map.of("quarkus.datasource.jdbc.url", db.url), "test", 400);
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        return MigrationCli.run(argv, MigrationCli.config(configured), Path.of("target/no-project"), "cli-test", out,
                new PrintStream(errors, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        String printed = output.toString(StandardCharsets.UTF_8);
        output.reset();
        return printed;
    }
}
