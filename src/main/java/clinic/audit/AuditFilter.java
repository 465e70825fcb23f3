package clinic.audit;

import clinic.web.problem.Problem;
import clinic.web.problem.ProblemException;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every audited request that carried a valid token leaves its event before its answer leaves: if the event cannot
 * be written, the answer is a 503 instead (never an unaudited read). Anonymous requests (401) go to the log only.
 */
public class AuditFilter {

    private final CurrentIdentityAssociation identities;
    private final AuditTrail trail;
    private final AuditedModels models;

    public AuditFilter(CurrentIdentityAssociation identities, AuditTrail trail, AuditedModels models) {
        this.identities = identities;
        this.trail = trail;
        this.models = models;
    }

    /** Refusals made before a resource ran (a role check, an unknown route) answer on the I/O thread: write on a worker. */
    @ServerResponseFilter
    public Uni<Void> record(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 401 || !models.audited(request.getUriInfo().getPath())) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().onItem().transformToUni(identity -> {
            if (identity.isAnonymous() || trail.committed()) {
                return Uni.createFrom().voidItem();
            }
            Uni<Void> write = Uni.createFrom().item(() -> {
                write(response);
                return null;
            });
            return BlockingOperationControl.isBlockingAllowed() ? write
                    : write.runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        });
    }

    private void write(ContainerResponseContext response) {
        try {
            trail.record(response.getStatus());
        } catch (ProblemException e) {
            if (response.getStatus() >= 500) {
                return; // already a failure, e.g. the database is down: that is the answer to give
            }
            response.setStatus(e.problem.status());
            response.getHeaders().putSingle("Content-Type", Problem.MEDIA_TYPE);
            response.setEntity(e.problem.answered(trail.requestId()));
        }
    }
}
