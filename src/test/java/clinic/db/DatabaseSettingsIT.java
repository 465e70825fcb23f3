package clinic.db;

import clinic.PackagedJar;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged jar without a database says in one line which variables to set, and stops. */
class DatabaseSettingsIT {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void shouldRefuseToStartWithoutADatabaseInOneLine() throws Exception {
        PackagedJar jar = PackagedJar.launch(postgres, Map.of("QUARKUS_DATASOURCE_JDBC_URL", "",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "https://login.clinic.example/certs",
                "MP_JWT_VERIFY_ISSUER", "https://login.clinic.example"), "no-database-it");
        try {
            assertTrue(jar.process.waitFor(120, TimeUnit.SECONDS), "the jar kept running without a database");
            assertEquals(78, jar.process.exitValue(), "exit status EX_CONFIG");
            List<String> lines = Files.readAllLines(jar.log).stream().filter(l -> !l.isBlank()).toList();
            assertEquals(1, lines.size(), "one line says why: " + lines);
            assertTrue(lines.get(0).contains("QUARKUS_DATASOURCE_JDBC_URL"), lines.get(0));
        } finally {
            jar.close();
        }
    }
}
