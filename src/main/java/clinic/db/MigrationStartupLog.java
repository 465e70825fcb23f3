package clinic.db;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Says at start-up whether Liquibase migrates the schema, so a prod log shows which choice was made. It speaks
 * at the pool's first connection, which Liquibase or Hibernate's schema validation opens while the application
 * starts: the line is there even when validation then stops the start-up because the schema was not migrated.
 */
@ApplicationScoped
public class MigrationStartupLog implements AgroalPoolInterceptor {

    private static final Logger LOG = Logger.getLogger(MigrationStartupLog.class);

    private final AtomicBoolean logged = new AtomicBoolean();

    @ConfigProperty(name = "quarkus.liquibase.migrate-at-start")
    boolean migrateAtStart;

    @ConfigProperty(name = "quarkus.liquibase.contexts")
    Optional<List<String>> contexts;

    @Override
    public void onConnectionCreate(Connection connection) {
        if (!logged.compareAndSet(false, true)) {
            return;
        }
        if (migrateAtStart) {
            LOG.infof("Liquibase migrates the schema at start-up (contexts: %s;"
                    + " quarkus.liquibase.migrate-at-start=true)", contexts.map(String::valueOf).orElse("all"));
        } else {
            LOG.info("Liquibase does not migrate the schema at start-up (quarkus.liquibase.migrate-at-start=false):"
                    + " set QUARKUS_LIQUIBASE_MIGRATE_AT_START=true, or run db:migrate (see the README)");
        }
    }
}
