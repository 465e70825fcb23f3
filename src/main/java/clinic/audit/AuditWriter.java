package clinic.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import clinic.web.Problem;
import clinic.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;

/**
 * Writes an event as one INSERT, the id taken from the sequence in the same statement: one statement per request,
 * on the connection of the write's transaction when there is one (a read stays outside any transaction).
 */
@ApplicationScoped
class AuditWriter {

    private static final String INSERT = "INSERT INTO audit_events (id, recorded_at, actor, actor_name, roles, profile,"
            + " action, method, path, query, entity_type, entity_id, patient_ids, status, changes, request_id,"
            + " created_at, updated_at, version) VALUES (nextval('audit_events_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?::jsonb, ?, ?, ?, 0)";

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

    void insert(AuditEvent e) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(INSERT)) {
            Timestamp at = Timestamp.from(e.recordedAt);
            st.setTimestamp(1, at);
            st.setString(2, e.actor);
            st.setString(3, e.actorName);
            st.setArray(4, c.createArrayOf("text", e.roles));
            st.setString(5, e.profile);
            st.setString(6, e.action);
            st.setString(7, e.method);
            st.setString(8, e.path);
            st.setString(9, e.query);
            st.setString(10, e.entityType);
            if (e.entityId == null) {
                st.setNull(11, Types.BIGINT);
            } else {
                st.setLong(11, e.entityId);
            }
            st.setArray(12, c.createArrayOf("bigint", e.patientIds));
            st.setInt(13, e.status);
            st.setString(14, e.changes == null ? null : json.writeValueAsString(e.changes));
            st.setString(15, e.requestId);
            st.setTimestamp(16, at);
            st.setTimestamp(17, at);
            st.executeUpdate();
        } catch (SQLException | JsonProcessingException ex) {
            LOG.error("The audit event could not be written; the request is answered 503", ex);
            throw UNAVAILABLE;
        }
    }
}
