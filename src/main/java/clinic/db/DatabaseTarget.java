package clinic.db;

import io.smallrye.config.SmallRyeConfig;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database the commands work on: QUARKUS_DATASOURCE_JDBC_URL (+ _USERNAME, _PASSWORD) when set, otherwise the
 * embedded cluster of a profile (dev's, for the CLI), reusing a running `quarkus dev` server or starting one.
 */
final class DatabaseTarget {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]*/)([^?]*)(\\?.*)?");

    private final Optional<String> url;
    private final String user;
    private final String password;
    private final String embeddedProfile;
    private final PrintStream out;

    DatabaseTarget(SmallRyeConfig config, String embeddedProfile, PrintStream out) {
        this.url = config.getOptionalValue(EmbeddedPostgresConfigSourceFactory.URL, String.class);
        this.user = config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null);
        this.password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null);
        this.embeddedProfile = embeddedProfile;
        this.out = out;
    }

    Connection connect() throws Exception {
        if (url.isPresent()) {
            out.println("Database: " + withoutQuery(url.get()) + " (QUARKUS_DATASOURCE_JDBC_URL)");
            return DriverManager.getConnection(url.get(), user, password);
        }
        Optional<String> running = EmbeddedPostgresServer.runningJdbcUrl(embeddedProfile);
        String embedded = running.orElseGet(() -> EmbeddedPostgresServer.jdbcUrl(embeddedProfile));
        out.println("Database: " + withoutQuery(embedded) + " (embedded " + embeddedProfile + " database, "
                + (running.isPresent() ? "already running)" : "started for this command)"));
        return DriverManager.getConnection(embedded);
    }

    /** db:create: the configured database on its server, or the embedded cluster's data directory. */
    void create() throws Exception {
        if (url.isEmpty()) {
            if (EmbeddedPostgresServer.exists(embeddedProfile)) {
                throw new IllegalStateException(embedded() + " already exists");
            }
            EmbeddedPostgresServer.jdbcUrl(embeddedProfile);
            EmbeddedPostgresServer.stop(embeddedProfile);
            out.println("Database " + embedded() + " created.");
            return;
        }
        onServer("CREATE DATABASE " + quoted(name()));
        out.println("Database " + name() + " created.");
    }

    /** db:drop: refused while migrations are applied (unless forced) and while anyone is connected to it. */
    void drop(boolean force) throws Exception {
        if (url.isEmpty()) {
            if (!EmbeddedPostgresServer.exists(embeddedProfile)) {
                throw new IllegalStateException(embedded() + " does not exist");
            }
            if (EmbeddedPostgresServer.runningJdbcUrl(embeddedProfile).isPresent()) {
                throw new IllegalStateException(embedded() + " is in use by a running server (quarkus dev?):"
                        + " stop it first; nothing was dropped");
            }
            try (Connection c = DriverManager.getConnection(EmbeddedPostgresServer.jdbcUrl(embeddedProfile))) {
                refuseIfMigrated(c, force);
            } finally {
                EmbeddedPostgresServer.stop(embeddedProfile);
            }
            EmbeddedPostgresServer.delete(embeddedProfile);
            out.println("Database " + embedded() + " dropped.");
            return;
        }
        try (Connection c = DriverManager.getConnection(url.get(), user, password)) {
            refuseIfMigrated(c, force);
        }
        // Without WITH (FORCE): PostgreSQL refuses while a service or a psql is connected, which is the point.
        onServer("DROP DATABASE " + quoted(name()));
        out.println("Database " + name() + " dropped.");
    }

    private void refuseIfMigrated(Connection c, boolean force) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rows = st.executeQuery(
                "SELECT count(*) FROM pg_tables WHERE tablename = 'databasechangelog'")) {
            rows.next();
            if (rows.getLong(1) == 0 || force) {
                return;
            }
        }
        try (Statement st = c.createStatement(); ResultSet rows = st.executeQuery(
                "SELECT count(*) FROM databasechangelog")) {
            rows.next();
            if (rows.getLong(1) > 0) {
                throw new IllegalStateException("the database has " + rows.getLong(1) + " applied changesets:"
                        + " run db:migrate:undo:all first, or add -Dforce=true; nothing was dropped");
            }
        }
    }

    /** A statement on the server's maintenance database, as CREATE and DROP DATABASE need. */
    private void onServer(String sql) throws SQLException {
        Matcher m = matcher();
        String server = m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
        try (Connection c = DriverManager.getConnection(server, user, password);
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private String name() {
        return matcher().group(2);
    }

    private Matcher matcher() {
        Matcher m = URL.matcher(url.orElseThrow());
        if (!m.matches() || m.group(2).isEmpty()) {
            throw new IllegalStateException("QUARKUS_DATASOURCE_JDBC_URL names no database: " + withoutQuery(url.get()));
        }
        return m;
    }

    private String embedded() {
        return "the embedded " + embeddedProfile + " database (" + EmbeddedPostgresServer.dataDir(embeddedProfile) + ")";
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
