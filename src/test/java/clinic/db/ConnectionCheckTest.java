package clinic.db;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/**
 * Sequelize's authenticate() line at start-up. The app starts with a log file of its own and a password
 * (the embedded PostgreSQL trusts local connections, so any password works) that must not be logged.
 */
@QuarkusTest
@TestProfile(ConnectionCheckTest.LogToFileWithPassword.class)
class ConnectionCheckTest {

    public static class LogToFileWithPassword implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String run = UUID.randomUUID().toString();
            return Map.of("quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", "target/connection-check-" + run + ".log",
                    "quarkus.datasource.password", "secret-" + run);
        }
    }

    @ConfigProperty(name = "quarkus.log.file.path")
    String logFile;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void shouldLogConnectionEstablishedWithUrlButNoPassword() throws IOException {
        List<String> log = Files.readAllLines(Path.of(logFile));
        List<String> lines = log.stream()
                .filter(l -> l.contains("Connection has been established successfully.")).toList();
        assertThat(lines, hasSize(1));
        assertThat(lines.get(0), containsString("jdbc:postgresql://"));
        assertThat(password, containsString("secret-"));
        assertThat(String.join("\n", log), not(containsString(password)));
    }
}
