package clinic.db;

import io.smallrye.config.PropertiesConfigSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the generators write into a copy of the changelog, run by Liquibase as the copy's own build would. */
class GeneratedMigrationTest {

    private static final Path CHANGELOG = Path.of("src/main/resources/db/changelog");

    @TempDir
    Path project;
    private MigrationScratchDatabase db;

    @BeforeEach
    void copyTheChangelogAndCreateAScratchDatabase() throws Exception {
        Files.createDirectories(project.resolve(CHANGELOG).resolve("seed"));
        try (Stream<Path> files = Files.walk(CHANGELOG)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, project.resolve(f.toString()));
            }
        }
        db = new MigrationScratchDatabase();
    }

    @AfterEach
    void dropScratchDatabase() throws Exception {
        db.close();
    }

    @Test
    void shouldNotApplyAMigrationWhoseChangesAreNotWrittenYet() throws Exception {
        int migrations = db.changesets(false);
        assertEquals(0, generate("migration:generate", "--name add-doctor-room"));

        Exception refused = assertThrows(Exception.class, () -> inCopy(db.migrations::migrate));
        assertTrue(causes(refused).contains("010-add-doctor-room.yaml: write its changes, then its rollback"),
                causes(refused));
        assertEquals(migrations, db.count("databasechangelog"));
    }

    @Test
    void shouldApplyAndUndoAGeneratedModelsMigrationAfterTheLastOne() throws Exception {
        db.migrations.migrate();
        List<String> before = db.schema();
        assertEquals(0, generate("model:generate", "--name Nurse --attributes name:string,notes:text,"
                + "shift:enum:{day,night},wardNumber:integer,badge:bigint,active:boolean,hiredAt:date,"
                + "bornOn:dateonly,rate:decimal"));

        inCopy(db.migrations::migrate);
        assertTrue(db.output().endsWith("== nurses-table (010-nurses.yaml): migrated\n"));
        List<String> schema = db.schema();
        for (String line : List.of("column nurses.ward_number integer", "column nurses.rate numeric(12,2)",
                "column nurses.hired_at timestamp with time zone", "column nurses.born_on date",
                "column nurses.name character varying(255)", "sequence nurses_seq bigint start 1 increment 50",
                "constraint nurses.nurses_shift_check CHECK (((shift)::text = ANY ((ARRAY['day'::character varying,"
                        + " 'night'::character varying])::text[])))")) {
            assertTrue(schema.contains(line), line + " in " + schema);
        }

        inCopy(db.migrations::undo);
        assertEquals(before, db.schema());
    }

    private int generate(String... argv) throws Exception {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        PropertiesConfigSource configured = new PropertiesConfigSource(
                Map.of("quarkus.datasource.jdbc.url", db.url), "test", 400);
        return MigrationCli.run(argv, MigrationCli.config(configured), project, "cli-test-none", out, System.err);
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Liquibase reads the changelog through the context class loader: here, the copy's changelog, the rest as is. */
    private void inCopy(Step step) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader own = thread.getContextClassLoader();
        try (URLClassLoader copy = new URLClassLoader(
                new URL[] {project.resolve("src/main/resources").toUri().toURL()}, own) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return name.startsWith("db/changelog") ? findResources(name) : super.getResources(name);
            }
        }) {
            thread.setContextClassLoader(copy);
            step.run();
        } finally {
            thread.setContextClassLoader(own);
        }
    }

    private static String causes(Throwable t) {
        StringBuilder why = new StringBuilder();
        for (; t != null; t = t.getCause()) {
            why.append(t.getMessage()).append('\n');
        }
        return why.toString();
    }
}
