package clinic.db;

import clinic.web.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.sql.SQLException;
import java.util.Set;

/**
 * Read-your-writes: a successful write answers the primary's WAL position after its commit as
 * {@code X-Consistency-Token} (one statement, only with a replica configured); a read that sends a malformed one is
 * a 400 naming the header, as a typo in a query parameter is, rather than a silent read from the primary.
 */
public class ConsistencyTokens {

    private static final Logger LOG = Logger.getLogger(ConsistencyTokens.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Replica replica;

    public ConsistencyTokens(Replica replica) {
        this.replica = replica;
    }

    @ServerRequestFilter
    public void check(ContainerRequestContext request) {
        String token = request.getHeaderString(ConsistencyToken.HEADER);
        if (token != null && !WRITES.contains(request.getMethod()) && !ConsistencyToken.wellFormed(token)) {
            throw ProblemException.badRequest(ConsistencyToken.HEADER, ConsistencyToken.HEADER
                    + " must be a token a write answered, sent back unchanged");
        }
    }

    /** Response filters run once the write's transaction has committed: the position includes the write. */
    @ServerResponseFilter
    public void issue(ContainerRequestContext request, ContainerResponseContext response) {
        if (!replica.configured() || !WRITES.contains(request.getMethod())
                || response.getStatusInfo().getFamily() != jakarta.ws.rs.core.Response.Status.Family.SUCCESSFUL) {
            return;
        }
        try {
            response.getHeaders().putSingle(ConsistencyToken.HEADER, replica.primaryPosition());
        } catch (SQLException e) {
            // the write is committed; without a token the client's next read may lag, which it can live with
            LOG.warnf("No consistency token for this write: %s", e.getClass().getSimpleName());
        }
    }
}
