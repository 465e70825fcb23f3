package clinic;

import clinic.db.MigrationCli;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The packaged jar's entry point, so that a setting Quarkus reads before any configuration exists can be made; dev
 * mode and the tests get the same setting from the pom, as their HTTP layer starts before this runs. With arguments
 * it runs a {@code db:*} command instead of the service.
 */
@QuarkusMain
public class Main {

    static final String NO_DATABASE = "Refusing to start: set QUARKUS_DATASOURCE_JDBC_URL (and QUARKUS_DATASOURCE_USERNAME, "
            + "QUARKUS_DATASOURCE_PASSWORD) to the PostgreSQL database (see README, Package and run the jar)";

    public static void main(String... args) {
        if (args.length > 0) {
            // `java -jar quarkus-run.jar db:migrate`: a sequelize-cli verb (the migration Job's), no server
            MigrationCli.inJar(args);
            return;
        }
        // Quarkus would stop later with a page about a "deactivated" datasource; one line says what to set
        if (ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.jdbc.url", String.class)
                .filter(url -> !url.isBlank()).isEmpty()) {
            System.err.println(NO_DATABASE);
            System.exit(78);
        }
        // Quarkus refuses what java.net.URI cannot parse with an empty 400; web/RequestTargets answers it instead
        System.setProperty("vertx.disableURIValidation", "true");
        Quarkus.run(args);
    }
}
