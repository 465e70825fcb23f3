package clinic.audit;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Group commit for the events written after the fact (reads, refusals, failures): one thread takes everything
 * queued, up to the batch size, and inserts it in one statement and one commit; each request waits for its own
 * event to be committed, so none is answered before its event is durable and none is dropped.
 */
@ApplicationScoped
class AuditBatches {

    /** Wakes the writer when it is told to stop; everything queued before it is still written. */
    private static final Queued STOP = new Queued(null);

    private final AuditWriter writer;
    private final int size;
    private final LinkedBlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
    private volatile boolean closed;
    private Thread thread;

    AuditBatches(AuditWriter writer, @ConfigProperty(name = "clinic.audit.batch-size") int size) {
        this.writer = writer;
        this.size = size;
    }

    @PostConstruct
    void start() {
        thread = new Thread(this::run, "clinic-audit-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Returns once the event is committed; throws the 503 problem if it could not be. */
    void write(AuditEvent e) {
        Queued q = new Queued(e);
        queue.add(q);
        if (closed && queue.remove(q)) {
            writer.insert(e); // the writer is stopping and may have taken its last batch: write it here, alone
            return;
        }
        try {
            q.committed.get();
        } catch (ExecutionException ex) {
            AuditWriter.failed(ex.getCause()); // here, where the log line names the request
            throw AuditWriter.UNAVAILABLE;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw AuditWriter.UNAVAILABLE;
        }
    }

    /** Writes what is queued, then stops: no request is left waiting. */
    void drain(@Observes ShutdownEvent event) throws InterruptedException {
        closed = true;
        queue.add(STOP);
        thread.join();
    }

    private void run() {
        List<Queued> batch = new ArrayList<>(size);
        boolean stopping = false;
        while (true) {
            Queued first = stopping ? queue.poll() : take();
            if (first == null) {
                return;
            }
            if (first != STOP) {
                batch.add(first);
            }
            queue.drainTo(batch, size - batch.size());
            stopping |= first == STOP || batch.remove(STOP);
            if (!batch.isEmpty()) {
                commit(batch);
            }
            batch.clear();
        }
    }

    private Queued take() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // it stops on STOP only, so that nothing queued is left waiting
            }
        }
    }

    /** One statement for the batch; if PostgreSQL refuses it, each event on its own, so only the refused fail. */
    private void commit(List<Queued> batch) {
        Connection c;
        try {
            c = writer.connection();
        } catch (Exception e) {
            batch.forEach(q -> q.committed.completeExceptionally(e));
            failQueued(e);
            return;
        }
        try (c) {
            try {
                writer.insert(c, batch.stream().map(q -> q.event).toList());
                batch.forEach(q -> q.committed.complete(null));
                return;
            } catch (Exception refused) {
                if (batch.size() == 1) {
                    batch.get(0).committed.completeExceptionally(refused);
                    return;
                }
            }
            for (Queued q : batch) {
                try {
                    writer.insert(c, List.of(q.event));
                    q.committed.complete(null);
                } catch (Exception refused) {
                    q.committed.completeExceptionally(refused);
                }
            }
        } catch (Exception closing) {
            // every event of the batch is already written or failed
        }
    }

    /** No connection: what queued meanwhile fails too, rather than wait in turn for the same refusal (an outage). */
    private void failQueued(Exception e) {
        List<Queued> behind = new ArrayList<>();
        queue.drainTo(behind);
        for (Queued q : behind) {
            if (q == STOP) {
                queue.add(STOP);
            } else {
                q.committed.completeExceptionally(e);
            }
        }
    }

    /** An event and the request waiting for it; compared by identity (the queue removes exactly this one). */
    private static final class Queued {
        final AuditEvent event;
        final CompletableFuture<Void> committed = new CompletableFuture<>();

        Queued(AuditEvent event) {
            this.event = event;
        }
    }
}
