package clinic.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import clinic.web.problem.Problem;
import clinic.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Collections;
import java.util.List;

/**
 * Writes events as one INSERT, each id taken from the sequence in the same statement: a write's event on the
 * connection of its transaction, the others in batches on a connection of their own ({@link AuditBatches}).
 */
@ApplicationScoped
class AuditWriter {

    private static final String INSERT = "INSERT INTO audit_events (id, recorded_at, actor, actor_name, roles, profile,"
            + " action, method, path, query, entity_type, entity_id, patient_ids, status, changes, request_id,"
            + " created_at, updated_at, version) VALUES ";
    private static final String ROW = "(nextval('audit_events_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb,"
            + " ?, ?, ?, 0)";
    private static final int PARAMETERS = 17;

    private static final Logger LOG = Logger.getLogger(AuditWriter.class);
    /** A request that cannot be audited is not answered: no unaudited read, no write without its event. */
    static final ProblemException UNAVAILABLE = new ProblemException(Problem.of(503, "audit_unavailable",
            "Service unavailable", "The request could not be audited; retry shortly", null));

    private final AgroalDataSource db;
    private final ObjectMapper json;

    AuditWriter(AgroalDataSource db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** One event, in the caller's transaction if there is one. */
    void insert(AuditEvent e) {
        try (Connection c = db.getConnection()) {
            insert(c, List.of(e));
        } catch (SQLException | JsonProcessingException ex) {
            failed(ex);
            throw UNAVAILABLE;
        }
    }

    /** A connection to the primary, the default datasource: never the replica's. */
    Connection connection() throws SQLException {
        return db.getConnection();
    }

    /** The events in one multi-row statement: all written, or (PostgreSQL refusing one of them) none. */
    void insert(Connection c, List<AuditEvent> events) throws SQLException, JsonProcessingException {
        try (PreparedStatement st = c.prepareStatement(INSERT + String.join(", ", Collections.nCopies(events.size(),
                ROW)))) {
            for (int i = 0; i < events.size(); i++) {
                bind(c, st, i * PARAMETERS, events.get(i));
            }
            st.executeUpdate();
        }
    }

    static void failed(Throwable ex) {
        LOG.error("The audit event could not be written; the request is answered 503", ex);
    }

    private void bind(Connection c, PreparedStatement st, int from, AuditEvent e)
            throws SQLException, JsonProcessingException {
        Timestamp at = Timestamp.from(e.recordedAt);
        st.setTimestamp(from + 1, at);
        st.setString(from + 2, e.actor);
        st.setString(from + 3, e.actorName);
        st.setArray(from + 4, c.createArrayOf("text", e.roles));
        st.setString(from + 5, e.profile);
        st.setString(from + 6, e.action);
        st.setString(from + 7, e.method);
        st.setString(from + 8, e.path);
        st.setString(from + 9, e.query);
        st.setString(from + 10, e.entityType);
        if (e.entityId == null) {
            st.setNull(from + 11, Types.BIGINT);
        } else {
            st.setLong(from + 11, e.entityId);
        }
        st.setArray(from + 12, c.createArrayOf("bigint", e.patientIds));
        st.setInt(from + 13, e.status);
        st.setString(from + 14, e.changes == null ? null : json.writeValueAsString(e.changes));
        st.setString(from + 15, e.requestId);
        st.setTimestamp(from + 16, at);
        st.setTimestamp(from + 17, at);
    }
}
