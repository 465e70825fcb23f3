package clinic.db;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fresh, empty database on the tests' embedded PostgreSQL, dropped on close, so that migrating and undoing
 * never disturbs the database the other tests use.
 */
final class MigrationScratchDatabase implements AutoCloseable {

    /** Every object a changeset can create, one line each, in a stable order (Liquibase's own tables left out). */
    private static final String SCHEMA_LISTING = """
            SELECT 'extension ' || extname FROM pg_extension WHERE extname <> 'plpgsql'
            UNION ALL
            SELECT 'table ' || table_name FROM information_schema.tables
             WHERE table_schema = 'public' AND table_name NOT LIKE 'databasechangelog%'
            UNION ALL
            SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                   || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
                   || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
              FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
              LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
             WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
               AND c.relname NOT LIKE 'databasechangelog%'
            UNION ALL
            SELECT 'index ' || indexdef FROM pg_indexes
             WHERE schemaname = 'public' AND tablename NOT LIKE 'databasechangelog%'
            UNION ALL
            SELECT 'constraint ' || c.relname || '.' || con.conname || ' ' || pg_get_constraintdef(con.oid)
              FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relname NOT LIKE 'databasechangelog%'
            UNION ALL
            SELECT 'trigger ' || tgname || ' on ' || tgrelid::regclass || ' ' || pg_get_triggerdef(oid)
              FROM pg_trigger WHERE NOT tgisinternal
            UNION ALL
            SELECT 'function ' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')'
              FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname = 'public'
               AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
            UNION ALL
            SELECT 'sequence ' || sequencename || ' ' || data_type || ' start ' || start_value
                   || ' increment ' || increment_by FROM pg_sequences WHERE schemaname = 'public'
            ORDER BY 1
            """;

    static final String MASTER = "db/changelog/db.changelog-master.yaml";

    private final String serverUrl = EmbeddedPostgresServer.jdbcUrl("test");
    private final String name = "migration_" + UUID.randomUUID().toString().replace("-", "");
    final String url = serverUrl.replace("/postgres?", "/" + name + "?");
    final Connection connection;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    final Migrations migrations;
    final Seeders seeders;

    MigrationScratchDatabase() throws SQLException {
        execute(serverUrl, "CREATE DATABASE " + name);
        connection = DriverManager.getConnection(url);
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        migrations = new Migrations(connection, MASTER, out);
        seeders = new Seeders(connection, MASTER, out);
    }

    /** How many migrations (or seeders) the changelog has, so that adding one breaks no test. */
    int changesets(boolean seeds) throws Exception {
        // A connection of its own: Liquibase leaves the one it reads with in a transaction, whose locks would block.
        try (Connection c = DriverManager.getConnection(url)) {
            return Changelog.kind(new Changelog(c, MASTER, System.out).statuses(), seeds).size();
        }
    }

    /** What the commands printed since the last call. */
    String output() {
        String printed = output.toString(StandardCharsets.UTF_8);
        output.reset();
        return printed;
    }

    List<String> schema() throws SQLException {
        return lines(SCHEMA_LISTING);
    }

    long count(String table) throws SQLException {
        return Long.parseLong(lines("SELECT count(*) FROM " + table).get(0));
    }

    List<String> lines(String query) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
        }
        return lines;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
        execute(serverUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection server = DriverManager.getConnection(url); Statement statement = server.createStatement()) {
            statement.execute(sql);
        }
    }
}
