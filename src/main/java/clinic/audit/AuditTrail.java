package clinic.audit;

import clinic.model.Include;
import clinic.model.Model;
import clinic.model.ModelInfo;
import clinic.security.Caller;
import clinic.web.RequestIds;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One request's audit event. A write that succeeds adds it to its own transaction ({@link #wrote}), so the change
 * and its event commit together or not at all; every other outcome (reads, refusals, failures, a rollback) is
 * recorded after the fact by {@link AuditFilter} with the status answered.
 */
@RequestScoped
public class AuditTrail {


    /** Kept by the database layer on every write: not what the caller changed. */
    private static final java.util.Set<String> ROW_KEEPING = java.util.Set.of("createdAt", "updatedAt", "version");

    private final SecurityIdentity identity;
    private final Caller caller;
    private final RoutingContext routing;
    private final TransactionSynchronizationRegistry transactions;
    private final AuditWriter writer;
    private final AuditBatches batches;
    private final AuditedModels models;
    private final TreeSet<Long> patientIds = new TreeSet<>();
    private boolean committed;

    public AuditTrail(SecurityIdentity identity, Caller caller, RoutingContext routing,
                      TransactionSynchronizationRegistry transactions, AuditWriter writer, AuditBatches batches,
                      AuditedModels models) {
        this.identity = identity;
        this.caller = caller;
        this.routing = routing;
        this.transactions = transactions;
        this.writer = writer;
        this.batches = batches;
        this.models = models;
    }

    /** Rows the response holds, with their includes. */
    public void read(Collection<? extends Model> rows, List<Include> includes) {
        PatientIds.collect(patientIds, rows, includes);
    }

    /** Counts per group the response holds: a group by patientId names each patient counted. */
    public void counted(Class<? extends Model> type, List<Map<String, Object>> groups) {
        groups.forEach(values -> PatientIds.collect(patientIds, type, values));
    }

    /** A row a write is about, whether or not the write goes through. */
    public void touch(Model row) {
        PatientIds.collect(patientIds, row);
    }

    /** A write that went through: its event joins the write's transaction, with what changed. */
    public void wrote(Model row, Map<String, Object> before, Map<String, Object> after, int status) {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (String field : ModelInfo.changed(before, after)) {
            if (!ROW_KEEPING.contains(field)) {
                changes.put(field, java.util.Arrays.asList(before.get(field), after.get(field)));
            }
        }
        PatientIds.collect(patientIds, row.getClass(), before);
        PatientIds.collect(patientIds, row.getClass(), after);
        AuditEvent e = event(status, changes);
        // the row written, not the path: a create's path names no id, and a nested create writes rows of two models
        e.entityType = row.getClass().getSimpleName();
        e.entityId = row.id;
        writer.insert(e);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int outcome) {
                committed = outcome == Status.STATUS_COMMITTED;
            }
        });
    }

    /** The request's id, on any thread (a refusal's event is written on a worker, off the request's context). */
    String requestId() {
        return RequestIds.of(routing);
    }

    /** Whether this request's event already committed with its write. */
    boolean committed() {
        return committed;
    }

    /** Any other outcome's event, committed in a batch with concurrent ones (a write's transaction, if any, ended). */
    void record(int status) {
        batches.write(event(status, null));
    }

    private AuditEvent event(int status, Map<String, Object> changes) {
        AuditEvent e = new AuditEvent();
        e.recordedAt = Instant.now();
        e.actor = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null ? jwt.getSubject()
                : identity.getPrincipal().getName();
        e.actorName = identity.getPrincipal().getName();
        e.roles = caller.roles().stream().map(Enum::name).toArray(String[]::new);
        e.profile = caller.profile();
        HttpServerRequest request = routing.request();
        e.method = request.method().name();
        e.path = request.path();
        e.query = request.query();
        String[] segments = e.path.substring(1).split("/");
        e.entityType = models.model(segments[0]);
        e.entityId = segments.length > 1 && segments[1].matches("[1-9][0-9]{0,17}") ? Long.valueOf(segments[1]) : null;
        e.action = action(e.method, segments);
        e.patientIds = patientIds.toArray(Long[]::new);
        e.status = status;
        e.changes = changes == null || changes.isEmpty() ? null : changes;
        e.requestId = requestId();
        return e;
    }

    private static String action(String method, String[] segments) {
        return switch (method) {
            // a count answers over many rows, as a list does
            case "GET", "HEAD" -> segments.length == 2 && !segments[1].equals("count") ? "read" : "search";
            case "POST" -> segments.length == 3 && segments[2].equals("restore") ? "restore" : "create";
            case "DELETE" -> "delete";
            default -> "update";
        };
    }
}
