package clinic.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The embedded PostgreSQL behind dev mode and the tests, one per JVM and profile.
 * The URL is kept in a system property because dev mode and tests load this class in several class loaders.
 */
final class EmbeddedPostgresServer {

    static final String USER = "postgres";
    private static final String DATABASE = "postgres";

    private EmbeddedPostgresServer() {
    }

    static synchronized String jdbcUrl(String profile) {
        String key = "clinic.embedded-postgres." + profile + ".url";
        String url = System.getProperty(key);
        if (url == null) {
            url = start(profile);
            System.setProperty(key, url);
        }
        return url;
    }

    /**
     * The URL of a server already running on the profile's data directory (a `quarkus dev` in another terminal),
     * for one-off commands that must use it rather than stop it.
     */
    static Optional<String> runningJdbcUrl(String profile) throws IOException {
        Path pidFile = dataDir(profile).resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        // postmaster.pid: line 1 is the pid, line 4 the port.
        List<String> lines = Files.readAllLines(pidFile);
        boolean alive = lines.size() >= 4
                && ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive).isPresent();
        if (!alive) {
            return Optional.empty();
        }
        return Optional.of("jdbc:postgresql://localhost:" + lines.get(3).trim() + "/" + DATABASE + "?user=" + USER);
    }

    private static Path dataDir(String profile) {
        return Path.of("target", "embedded-postgres", profile).toAbsolutePath();
    }

    private static String start(String profile) {
        // Dev keeps its data across restarts of `quarkus dev`; tests start from an empty database every run.
        Path dataDir = dataDir(profile);
        try {
            stopOrphanedServer(dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(!"dev".equals(profile))
                    .setServerConfig("max_connections", "200")
                    .start();
            return postgres.getJdbcUrl(USER, DATABASE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir
                    + "; set QUARKUS_DATASOURCE_JDBC_URL to use another database", e);
        }
    }

    /** A `quarkus dev` that was killed leaves its postmaster running on the data directory: stop it first. */
    private static void stopOrphanedServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        ProcessHandle.of(Long.parseLong(lines.get(0).trim())).ifPresent(postmaster -> {
            postmaster.destroy();
            postmaster.onExit().join();
        });
    }
}
