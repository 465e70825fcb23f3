package clinic.db;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Start-up migration per profile: dev and test migrate, prod only when told to, and the log says which. */
class MigrationStartupTest {

    @Test
    void shouldMigrateAtStartInDevAndTestButNotInProd() throws Exception {
        assertTrue(migrateAtStart("dev"));
        assertTrue(migrateAtStart("test"));
        assertFalse(migrateAtStart("prod"));
    }

    @Test
    void shouldMigrateAtStartInProdWhenTheEnvironmentSaysSo() throws Exception {
        // QUARKUS_LIQUIBASE_MIGRATE_AT_START, as the environment source (ordinal 300) would give it.
        PropertiesConfigSource environment = new PropertiesConfigSource(
                Map.of("quarkus.liquibase.migrate-at-start", "true"), "environment", 300);

        assertTrue(migrateAtStart("prod", environment));
    }

    @Test
    void shouldLogOnceThatProdDoesNotMigrate() {
        MigrationStartupLog startupLog = new MigrationStartupLog();
        startupLog.migrateAtStart = false;
        startupLog.contexts = Optional.of(List.of("!seed"));

        List<String> logged = logged(() -> {
            startupLog.onConnectionCreate(null);
            startupLog.onConnectionCreate(null);
        });

        assertEquals(1, logged.size(), logged::toString);
        assertTrue(logged.get(0).contains("does not migrate the schema at start-up"), logged.get(0));
        assertTrue(logged.get(0).contains("QUARKUS_LIQUIBASE_MIGRATE_AT_START=true"), logged.get(0));
    }

    @Test
    void shouldLogThatDevMigratesWithSeeds() {
        MigrationStartupLog startupLog = new MigrationStartupLog();
        startupLog.migrateAtStart = true;
        startupLog.contexts = Optional.of(List.of("seed"));

        List<String> logged = logged(() -> startupLog.onConnectionCreate(null));

        assertEquals(List.of("Liquibase migrates the schema at start-up (contexts: [seed];"
                + " quarkus.liquibase.migrate-at-start=true)"), logged);
    }

    private static boolean migrateAtStart(String profile, PropertiesConfigSource... overrides) throws Exception {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withProfile(profile).addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(
                        MigrationStartupTest.class.getClassLoader().getResource("application.properties"), 250))
                .withSources(overrides).build();
        return config.getValue("quarkus.liquibase.migrate-at-start", Boolean.class);
    }

    private static List<String> logged(Runnable action) {
        List<String> messages = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                messages.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(MigrationStartupLog.class.getName());
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
        }
        return messages;
    }
}
