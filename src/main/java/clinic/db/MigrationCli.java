package clinic.db;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * sequelize-cli for this project: {@code ./mvnw -q compile exec:exec -Dcmd=db:migrate}. It uses the database
 * the service is configured for: QUARKUS_DATASOURCE_JDBC_URL (+ _USERNAME, _PASSWORD) when set, otherwise dev
 * mode's embedded PostgreSQL, reusing a running `quarkus dev` server or starting one for the command's duration.
 */
public final class MigrationCli {

    private static final Map<String, Command> COMMANDS = Map.of(
            "db:migrate", Migrations::migrate,
            "db:migrate:status", Migrations::status,
            "db:migrate:undo", Migrations::undo,
            "db:migrate:undo:all", Migrations::undoAll,
            "db:seed:all", Migrations::seedAll,
            "db:seed:undo:all", Migrations::seedUndoAll);
    private static final String USAGE = String.join("\n",
            "Usage: ./mvnw -q compile exec:exec -Dcmd=<command>",
            "  db:migrate             apply pending migrations",
            "  db:migrate:status      list migrations and seeders, applied (up) and pending (down)",
            "  db:migrate:undo        revert the last applied migration",
            "  db:migrate:undo:all    revert all applied migrations",
            "  db:seed:all            apply pending seeders",
            "  db:seed:undo:all       revert all applied seeders");

    private interface Command {
        void run(Migrations migrations) throws Exception;
    }

    private MigrationCli() {
    }

    public static void main(String[] args) {
        Logger.getLogger("").setLevel(Level.WARNING);
        String command = args.length == 1 ? args[0] : "";
        try {
            System.exit(run(command, config(), System.out));
        } catch (Exception e) {
            System.err.println("ERROR: " + e.getMessage());
            System.exit(1);
        }
    }

    static int run(String command, SmallRyeConfig config, PrintStream out) throws Exception {
        if (!COMMANDS.containsKey(command)) {
            System.err.println((command.isEmpty() ? "" : "Unknown command: " + command + "\n") + USAGE);
            return 2;
        }
        try (Connection connection = connect(config, out)) {
            COMMANDS.get(command).run(
                    new Migrations(connection, config.getValue("quarkus.liquibase.change-log", String.class), out));
        }
        return 0;
    }

    /** The service's own configuration as dev mode sees it: environment, system properties, application.properties. */
    static SmallRyeConfig config(ConfigSource... overrides) throws IOException {
        URL properties = MigrationCli.class.getClassLoader().getResource("application.properties");
        return new SmallRyeConfigBuilder().withProfile("dev").addDefaultSources().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(properties, 250)).withSources(overrides).build();
    }

    private static Connection connect(SmallRyeConfig config, PrintStream out) throws Exception {
        Optional<String> configured = config.getOptionalValue(EmbeddedPostgresConfigSourceFactory.URL, String.class);
        if (configured.isPresent()) {
            out.println("Database: " + withoutQuery(configured.get()) + " (QUARKUS_DATASOURCE_JDBC_URL)");
            return DriverManager.getConnection(configured.get(),
                    config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                    config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
        }
        Optional<String> running = EmbeddedPostgresServer.runningJdbcUrl("dev");
        String url = running.orElseGet(() -> EmbeddedPostgresServer.jdbcUrl("dev"));
        out.println("Database: " + withoutQuery(url) + " (embedded dev database, "
                + (running.isPresent() ? "already running)" : "started for this command)"));
        return DriverManager.getConnection(url);
    }

    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
