package clinic.db;

import io.smallrye.config.PropertiesConfigSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** db:create and db:drop, on a configured server and on an embedded cluster of their own. */
class DatabaseCreateDropTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @Test
    void shouldCreateAndDropTheConfiguredDatabase() throws Exception {
        try (MigrationScratchDatabase server = new MigrationScratchDatabase()) {
            String name = "created_" + UUID.randomUUID().toString().replace("-", "");
            String url = server.url.replaceFirst("/migration_\\w+\\?", "/" + name + "?");

            assertEquals(0, run(url, "db:create"));
            assertTrue(output().endsWith("Database " + name + " created.\n"));
            assertEquals(1, server.count("pg_database WHERE datname = '" + name + "'"));
            SQLException twice = assertThrows(SQLException.class, () -> run(url, "db:create"));
            assertTrue(twice.getMessage().contains("already exists"), twice.getMessage());

            assertEquals(0, run(url, "db:drop"));
            assertTrue(output().endsWith("Database " + name + " dropped.\n"));
            assertEquals(0, server.count("pg_database WHERE datname = '" + name + "'"));
        }
    }

    @Test
    void shouldRefuseToDropAMigratedDatabaseUnlessForced() throws Exception {
        try (MigrationScratchDatabase db = new MigrationScratchDatabase()) {
            db.migrations.migrate();
            db.connection.close();

            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> run(db.url, "db:drop"));
            assertTrue(refused.getMessage().contains("run db:migrate:undo:all first, or add -Dforce=true"),
                    refused.getMessage());
            assertEquals(0, run(db.url, "db:migrate:status"));

            assertEquals(0, run(db.url, "db:drop", "--force=true"));
            assertThrows(SQLException.class, () -> run(db.url, "db:migrate:status"));
        }
    }

    @Test
    void shouldRefuseToDropADatabaseSomeoneIsConnectedTo() throws Exception {
        try (MigrationScratchDatabase db = new MigrationScratchDatabase()) {
            SQLException refused = assertThrows(SQLException.class, () -> run(db.url, "db:drop"));

            assertTrue(refused.getMessage().contains("is being accessed by other users"), refused.getMessage());
            assertEquals(0, db.count("pg_tables WHERE tablename = 'doctors'"));
        }
    }

    @Test
    void shouldCreateAndDropAnEmbeddedClusterButNeverOneAServerRunsOn() throws Exception {
        String profile = "cli-test-" + UUID.randomUUID();
        Path dataDir = EmbeddedPostgresServer.dataDir(profile);
        try {
            assertEquals(0, embedded(profile, "db:create"));
            assertTrue(EmbeddedPostgresServer.exists(profile));
            assertTrue(EmbeddedPostgresServer.runningJdbcUrl(profile).isEmpty(), "stopped after creating");
            assertThrows(IllegalStateException.class, () -> embedded(profile, "db:create"));

            assertEquals(0, embedded(profile, "db:migrate"));
            IllegalStateException running = assertThrows(IllegalStateException.class,
                    () -> embedded(profile, "db:drop", "--force"));
            assertTrue(running.getMessage().contains("in use by a running server (quarkus dev?)"), running.getMessage());
            assertTrue(Files.exists(dataDir.resolve("PG_VERSION")));
            EmbeddedPostgresServer.stop(profile);

            IllegalStateException migrated = assertThrows(IllegalStateException.class,
                    () -> embedded(profile, "db:drop"));
            assertTrue(migrated.getMessage().contains("-Dforce=true"), migrated.getMessage());
            assertEquals(0, embedded(profile, "db:drop", "--force"));
            assertFalse(Files.exists(dataDir));
        } finally {
            EmbeddedPostgresServer.stop(profile);
            if (Files.exists(dataDir)) {
                EmbeddedPostgresServer.delete(profile);
            }
        }
    }

    private int run(String url, String... argv) throws Exception {
        return run(url, "cli-test-none", argv);
    }

    /** With no URL configured: the embedded cluster of the profile, as the CLI uses dev's. */
    private int embedded(String profile, String... argv) throws Exception {
        return run(null, profile, argv);
    }

    private int run(String url, String profile, String[] argv) throws Exception {
        PropertiesConfigSource configured = new PropertiesConfigSource(
                url == null ? Map.of() : Map.of("quarkus.datasource.jdbc.url", url), "test", 400);
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        return MigrationCli.run(argv, MigrationCli.config(configured), Path.of("target"), profile, out, out);
    }

    private String output() {
        String printed = output.toString(StandardCharsets.UTF_8);
        output.reset();
        return printed;
    }
}
