package clinic.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantConnectionResolver;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

/**
 * Plugs {@link ReadWriteConnections} into Hibernate through Quarkus's DATABASE multi-tenancy, with one tenant: the
 * supported way to give the persistence unit a connection provider of our own. Routing per connection rather than
 * per tenant (per session) lets a GET's {@code useMaster} find and a replica that fails mid-request change course.
 */
@ApplicationScoped
@PersistenceUnitExtension
public class ReadWriteSplit implements TenantResolver, TenantConnectionResolver {

    private static final String TENANT = "clinic";

    private final ConnectionProvider connections;

    ReadWriteSplit(AgroalDataSource primary, Replica replica) {
        this.connections = new ReadWriteConnections(primary, replica);
    }

    @Override
    public String getDefaultTenantId() {
        return TENANT;
    }

    @Override
    public String resolveTenantId() {
        return TENANT;
    }

    @Override
    public ConnectionProvider resolve(String tenantId) {
        return connections;
    }
}
