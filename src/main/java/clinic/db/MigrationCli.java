package clinic.db;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * sequelize-cli for this project: {@code ./mvnw -q compile exec:exec -Dcmd=db:migrate}, with the verb's flags in
 * {@code -Dargs="--name x"} (and {@code -Dforce=true}). The {@code db:*} verbs use the database the service is
 * configured for ({@link DatabaseTarget}); the generators write into the project the command runs in. The packaged
 * jar runs the {@code db:*} verbs too: {@code java -jar quarkus-run.jar db:migrate} (see {@link #inJar}).
 */
public final class MigrationCli {

    static final String CALL = "./mvnw -q compile exec:exec -Dcmd=";

    private MigrationCli() {
    }

    public static void main(String[] args) {
        Logger.getLogger("").setLevel(Level.WARNING);
        try {
            System.exit(run(args, config(), Path.of(""), "dev", System.out, System.err));
        } catch (Exception e) {
            System.err.println("ERROR: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * The packaged jar's commands, as a Kubernetes Job runs db:migrate before a rollout: prod's configuration, the
     * database from QUARKUS_DATASOURCE_JDBC_URL only (the jar has no embedded PostgreSQL), no generators (they write
     * into a project's sources).
     */
    public static void inJar(String... args) {
        Logger.getLogger("").setLevel(Level.WARNING);
        try {
            SmallRyeConfig config = config("prod");
            String verb = CliArguments.words(args).get(0);
            if (!verb.startsWith("db:") && !verb.equals("help")) {
                System.err.println("The jar runs the db:* commands; run " + verb + " in the project: " + CALL + verb);
                System.exit(2);
            }
            if (verb.startsWith("db:") && config.getOptionalValue(EmbeddedPostgresConfigSourceFactory.URL, String.class).isEmpty()) {
                throw new IllegalStateException("set QUARKUS_DATASOURCE_JDBC_URL (+ _USERNAME, _PASSWORD) to the database");
            }
            System.exit(run(args, config, Path.of(""), "prod", System.out, System.err));
        } catch (Exception e) {
            System.err.println("ERROR: " + e.getMessage());
            System.exit(1);
        }
    }

    /** 0 when done, 2 for a command line it cannot run (one line of usage on err); failures are thrown. */
    static int run(String[] argv, SmallRyeConfig config, Path project, String embeddedProfile, PrintStream out,
                   PrintStream err) throws Exception {
        CliVerbs.Verb verb = null;
        try {
            List<String> words = CliArguments.words(argv);
            verb = CliVerbs.of(words.get(0));
            CliArguments args = CliArguments.parse(words);
            args.allowOnly(verb.flags());
            try (CliSession session = new CliSession(args, config, project, embeddedProfile, out)) {
                verb.action().run(session);
            }
            return 0;
        } catch (UsageException e) {
            err.println(e.getMessage() + ". Usage: " + (verb == null ? CliVerbs.USAGE : CALL + verb.usage()));
            return 2;
        }
    }

    /** The service's own configuration as dev mode sees it: environment, system properties, application.properties. */
    static SmallRyeConfig config(ConfigSource... overrides) throws IOException {
        return config("dev", overrides);
    }

    private static SmallRyeConfig config(String profile, ConfigSource... overrides) throws IOException {
        URL properties = MigrationCli.class.getClassLoader().getResource("application.properties");
        return new SmallRyeConfigBuilder().withProfile(profile).addDefaultSources().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(properties, 250)).withSources(overrides).build();
    }
}
