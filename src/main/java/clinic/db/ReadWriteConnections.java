package clinic.db;

import clinic.model.UseMaster;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.runtime.customized.QuarkusConnectionProvider;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Hibernate's connections, chosen each time one is acquired: the primary's, except for a GET's reads outside any
 * transaction, which the replica serves while it is up and, when the request carries a consistency token, has
 * replayed it. Outside a transaction Hibernate releases the connection after each query, so a {@code useMaster}
 * find in the middle of a GET still reads from the primary.
 */
final class ReadWriteConnections extends QuarkusConnectionProvider {

    /** Set on a request once the replica was found behind its token: its other reads need not ask again. */
    private static final String BEHIND = "clinic.replica-behind";

    private final Replica replica;

    ReadWriteConnections(AgroalDataSource primary, Replica replica) {
        super(primary);
        this.replica = replica;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (replica.configured() && !QuarkusTransaction.isActive() && !UseMaster.active()) {
            RoutingContext request = request();
            if (request != null && reads(request)) {
                String token = request.request().getHeader(ConsistencyToken.HEADER);
                Optional<Connection> c = replica.connection(token);
                if (c.isPresent()) {
                    return c.get();
                }
                if (token != null) {
                    request.put(BEHIND, true);
                }
            }
        }
        return super.getConnection();
    }

    private static RoutingContext request() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        return Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
    }

    /** A read the replica may serve: a GET or HEAD, whose token (if any) is well formed and not known to be ahead. */
    private static boolean reads(RoutingContext request) {
        String method = request.request().method().name();
        String token = request.request().getHeader(ConsistencyToken.HEADER);
        return (method.equals("GET") || method.equals("HEAD")) && request.get(BEHIND) == null
                && (token == null || ConsistencyToken.wellFormed(token));
    }
}
