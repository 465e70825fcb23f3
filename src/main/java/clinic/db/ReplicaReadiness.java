package clinic.db;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The replica's state in readiness, always UP: a replica that is down only sends its reads to the primary, so an
 * instance stays ready while the primary is (the datasource check says so).
 */
@Readiness
@ApplicationScoped
public class ReplicaReadiness implements HealthCheck {

    private final Replica replica;

    ReplicaReadiness(Replica replica) {
        this.replica = replica;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder check = HealthCheckResponse.named("Read replica").up();
        if (!replica.configured()) {
            return check.withData("replica", "none").build();
        }
        Replica.State state = replica.state();
        check.withData("replica", state.up() ? "up" : "down");
        if (state.lagBytes() != null) {
            check.withData("lagBytes", state.lagBytes());
        }
        return check.build();
    }
}
