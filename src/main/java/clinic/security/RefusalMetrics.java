package clinic.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** 401s (no or a bad token: a misconfigured client, or someone probing) and 403s (roles that do not allow it). */
public class RefusalMetrics {

    private final Counter unauthenticated;
    private final Counter forbidden;

    public RefusalMetrics(MeterRegistry registry) {
        unauthenticated = refusals(registry, "401");
        forbidden = refusals(registry, "403");
    }

    private static Counter refusals(MeterRegistry registry, String status) {
        return Counter.builder("clinic.access.refused").tag("status", status)
                .description("Requests refused: 401 without a valid token, 403 for roles that do not allow it")
                .register(registry);
    }

    @ServerResponseFilter
    public void count(ContainerResponseContext response) {
        if (response.getStatus() == 401) {
            unauthenticated.increment();
        } else if (response.getStatus() == 403) {
            forbidden.increment();
        }
    }
}
