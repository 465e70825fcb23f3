package clinic.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A primary and its streaming replica from the embedded binaries, which have no pg_basebackup: the primary is
 * started once and stopped cleanly, its data directory copied, and the copy started with {@code standby.signal}
 * and a {@code primary_conninfo}. State in system properties, as Quarkus loads test classes in several class loaders.
 */
public final class ReplicaPair {

    private static final Path DIR = Path.of("target", "embedded-postgres", "replica").toAbsolutePath();
    private static final Path PRIMARY = DIR.resolve("primary");
    private static final Path STANDBY = DIR.resolve("standby");
    /** Files of a running server that a copy must not take. */
    private static final Set<String> RUNTIME = Set.of("postmaster.pid", "epg-lock", "postmaster.opts");

    private ReplicaPair() {
    }

    static synchronized void start() {
        if (System.getProperty("clinic.replica.url") != null) {
            return;
        }
        try {
            PostgresTools.deleteTree(DIR);
            EmbeddedPostgres first = server(PRIMARY, 0).start();
            int primaryPort = first.getPort();
            first.close();
            copy(PRIMARY, STANDBY);
            Files.createFile(STANDBY.resolve("standby.signal"));
            Files.writeString(STANDBY.resolve("postgresql.auto.conf"), "primary_conninfo = 'host=localhost port="
                    + primaryPort + " user=postgres application_name=clinic-replica'\n"
                    // as zonky starts it, for pg_ctl's restarts: a standby needs at least the primary's connections
                    + "max_connections = 200\n", StandardOpenOption.APPEND);
            EmbeddedPostgres primary = server(PRIMARY, primaryPort).start();
            EmbeddedPostgres replica = server(STANDBY, 0).start();
            System.setProperty("clinic.replica.port", String.valueOf(replica.getPort()));
            System.setProperty("clinic.replica.bin", PostgresTools.binaries(STANDBY).toString());
            System.setProperty("clinic.replica.primary-url", primary.getJdbcUrl("postgres", "postgres"));
            System.setProperty("clinic.replica.url", replica.getJdbcUrl("postgres", "postgres"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String primaryUrl() {
        start();
        return System.getProperty("clinic.replica.primary-url");
    }

    public static String replicaUrl() {
        start();
        return System.getProperty("clinic.replica.url");
    }

    /** Replay stops: the replica keeps receiving WAL but shows nothing new until {@link #resumeReplay()}. */
    public static void pauseReplay() throws SQLException {
        sql(replicaUrl(), "select pg_wal_replay_pause()");
    }

    public static void resumeReplay() throws SQLException {
        sql(replicaUrl(), "select pg_wal_replay_resume()");
    }

    /** Until the replica has replayed everything the primary had written when this was called. */
    public static void awaitReplay() throws Exception {
        String at = sql(primaryUrl(), "select pg_current_wal_insert_lsn()::text");
        long deadline = System.currentTimeMillis() + 30_000;
        while (!"t".equals(sql(replicaUrl(), "select pg_last_wal_replay_lsn() >= '" + at + "'::pg_lsn"))) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the replica did not replay " + at + " within 30 s");
            }
            Thread.sleep(20);
        }
    }

    public static void stopReplica() throws Exception {
        PostgresTools.stop(STANDBY);
    }

    public static void startReplica() throws Exception {
        PostgresTools.start(STANDBY, Path.of(System.getProperty("clinic.replica.bin")),
                Integer.parseInt(System.getProperty("clinic.replica.port")));
    }

    private static EmbeddedPostgres.Builder server(Path dir, int port) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dir)
                .setCleanDataDirectory(false).setServerConfig("max_connections", "200");
        return port == 0 ? builder : builder.setPort(port);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!RUNTIME.contains(p.getFileName().toString())) {
                    Files.copy(p, target);
                }
            }
        }
        // PostgreSQL refuses a data directory others may read
        Files.setPosixFilePermissions(to, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    private static String sql(String url, String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
