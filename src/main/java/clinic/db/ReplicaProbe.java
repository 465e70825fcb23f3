package clinic.db;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Asks the replica every second whether it answers and how far behind it is, in the background: a dead replica
 * costs the reads nothing once it is known dead, and they return to it within a second of its coming back.
 */
@ApplicationScoped
class ReplicaProbe {

    private static final Logger LOG = Logger.getLogger(ReplicaProbe.class);

    private final Replica replica;
    private ScheduledExecutorService timer;

    ReplicaProbe(Replica replica) {
        this.replica = replica;
    }

    void onStart(@Observes StartupEvent event) {
        if (!replica.configured()) {
            return;
        }
        replica.check();
        if (!replica.state().up()) {
            LOG.warn("The read replica is unreachable: reads go to the primary until it answers");
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "clinic-replica-probe");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(replica::check, 1, 1, TimeUnit.SECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
