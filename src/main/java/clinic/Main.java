package clinic;

import clinic.db.MigrationCli;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The packaged jar's entry point, so that a setting Quarkus reads before any configuration exists can be made; dev
 * mode and the tests get the same setting from the pom, as their HTTP layer starts before this runs. With arguments
 * it runs a {@code db:*} command instead of the service.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        if (args.length > 0) {
            // `java -jar quarkus-run.jar db:migrate`: a sequelize-cli verb (the migration Job's), no server
            MigrationCli.inJar(args);
            return;
        }
        // Quarkus refuses what java.net.URI cannot parse with an empty 400; web/RequestTargets answers it instead
        System.setProperty("vertx.disableURIValidation", "true");
        Quarkus.run(args);
    }
}
