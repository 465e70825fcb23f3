package clinic.db;

import io.smallrye.config.PropertiesConfigSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sequelize-cli verbs against a configured database, as `./mvnw -q compile exec:exec -Dcmd=...` runs them. */
class MigrationCliTest {

    private MigrationScratchDatabase db;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

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
        assertEquals(0, run("db:migrate"));
        assertTrue(printed().startsWith("Database: " + db.url.substring(0, db.url.indexOf('?'))
                + " (QUARKUS_DATASOURCE_JDBC_URL)\n== 001-btree-gist (001-btree-gist.yaml): migrated\n"));

        assertEquals(0, run("db:seed:all"));
        assertEquals(3, db.count("doctors"));

        assertEquals(0, run("db:migrate:status"));
        assertTrue(printed().endsWith("12 applied (up), 0 pending (down).\n"));

        assertEquals(0, run("db:seed:undo:all"));
        assertEquals(0, db.count("doctors"));

        assertEquals(0, run("db:migrate:undo"));
        assertTrue(printed().contains("audit-events-table (007-audit-events.yaml): reverted"));

        assertEquals(0, run("db:migrate:undo:all"));
        assertEquals(0, run("db:migrate:status"));
        assertTrue(printed().endsWith("0 applied (up), 12 pending (down).\n"));
    }

    @Test
    void shouldAnswerAnUnknownCommandWithUsage() throws Exception {
        assertEquals(2, run("db:create"));
        assertEquals("", printed());
    }

    private int run(String command) throws Exception {
        PropertiesConfigSource configured = new PropertiesConfigSource(
                Map.of("quarkus.datasource.jdbc.url", db.url), "test", 400);
        return MigrationCli.run(command, MigrationCli.config(configured),
                new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        String printed = output.toString(StandardCharsets.UTF_8);
        output.reset();
        return printed;
    }
}
