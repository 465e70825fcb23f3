package clinic.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;

/** Sequelize's {@code authenticate()} at start-up: say where the database is, or stop with why it is not. */
public class ConnectionCheck {

    private static final Logger LOG = Logger.getLogger(ConnectionCheck.class);

    void onStart(@Observes StartupEvent event, AgroalDataSource dataSource) {
        // A password may also sit in the URL itself: never log it.
        String url = dataSource.getConfiguration().connectionPoolConfiguration()
                .connectionFactoryConfiguration().jdbcUrl().replaceAll("(?i)(password=)[^&;]*", "$1***");
        try (Connection c = dataSource.getConnection()) {
            String version = c.getMetaData().getDatabaseProductVersion();
            LOG.infof("Connection has been established successfully. %s (PostgreSQL %s)", url, version);
        } catch (SQLException e) {
            throw new IllegalStateException("Unable to connect to the database at " + url + ": " + e.getMessage()
                    + ". Set QUARKUS_DATASOURCE_JDBC_URL, QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD.", e);
        }
    }
}
