package clinic.web;

import clinic.web.problem.Problem;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;

/**
 * On SIGTERM, after the shutdown delay (quarkus.shutdown.delay: readiness DOWN while requests are still served, so a
 * load balancer stops routing here first), requests already running finish (quarkus.shutdown.timeout) while new ones
 * are refused with a 503 problem+json. Quarkus alone would still serve them, only closing their connections.
 */
public class ShutdownGate {

    private static volatile boolean closing;

    @ConfigProperty(name = "quarkus.shutdown.delay")
    Optional<Duration> delay;

    void install(@Observes Router router) {
        long delayMillis = delay.map(Duration::toMillis).orElse(0L);
        // runs beside Quarkus's own shutdown hook, which sleeps the same delay before draining
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closing = true;
        }, "clinic-shutdown-gate"));
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            if (!closing) {
                ctx.next();
                return;
            }
            Problem p = Problem.of(503, "shutting_down", "Service unavailable",
                    "The service is shutting down; retry on another instance or shortly", null);
            ctx.response().setStatusCode(503).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Retry-After", "5").putHeader("Connection", "close").end(Json.encode(p.answered()));
        });
    }
}
