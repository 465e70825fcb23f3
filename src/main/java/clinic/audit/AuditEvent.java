package clinic.audit;

import clinic.model.FindOptions.Option;
import clinic.model.Finder;
import clinic.model.Model;
import clinic.model.Result;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who did what to whose data, and how it ended (FHIR's AuditEvent): one per request that carried a valid token.
 * Written by {@link AuditTrail} only; PostgreSQL refuses to change or delete a row once written.
 */
@Entity
@Table(name = "audit_events")
@JsonIgnoreProperties({"createdAt", "updatedAt", "deletedAt", "version"})
@JsonPropertyOrder({"id", "recordedAt", "actor", "actorName", "roles", "profile", "action", "method", "path", "query",
        "entityType", "entityId", "patientIds", "status", "changes", "requestId"})
@Schema(name = "AuditEvent", description = "One request that carried a valid token, whatever its outcome.")
public class AuditEvent extends Model {

    private static final Finder<AuditEvent> FINDER = Finder.of(AuditEvent.class);

    @Column(name = "recorded_at")
    @Schema(examples = "2026-12-01T09:15:30.123456Z")
    public Instant recordedAt;

    @Schema(description = "The token's `sub`", examples = "f81d4fae-7dec-11d0-a765-00a0c91e6bf6")
    public String actor;

    @Column(name = "actor_name")
    @Schema(description = "The token's `upn` or `preferred_username`", examples = "ann.smith")
    public String actorName;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Schema(description = "The caller's known roles", examples = "[\"doctor\"]")
    public String[] roles;

    @Schema(description = "The row the token acts for", examples = "Doctor/2")
    public String profile;

    @Schema(description = "read, search, create, update, delete or restore", examples = "read")
    public String action;

    @Schema(examples = "GET")
    public String method;

    @Schema(examples = "/patients/1")
    public String path;

    @Schema(examples = "include=appointments")
    public String query;

    @Column(name = "entity_type")
    @Schema(description = "The model of the path", examples = "Patient")
    public String entityType;

    @Column(name = "entity_id")
    @Schema(description = "The row of the path, if it names one", examples = "1")
    public Long entityId;

    @Column(name = "patient_ids")
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Schema(description = "Every patient whose data the response held or the write touched, includes too; "
            + "`where[patientIds][contains]=7` finds those that touched patient 7", examples = "[1]")
    public Long[] patientIds;

    @Schema(description = "The HTTP status answered", examples = "200")
    public Integer status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Schema(description = "Writes that committed: `{\"field\": [before, after]}` per changed field",
            examples = "{\"status\": [\"booked\", \"cancelled\"]}")
    public Map<String, Object> changes;

    @Column(name = "request_id")
    @Schema(examples = "5f0c1e9a-3b7d-4a8e-9a51-2f6d1c0b7e42")
    public String requestId;

    public static Optional<AuditEvent> findByPk(Object id, Option... options) { return FINDER.findByPk(id, options); }
    public static Optional<AuditEvent> findOne(Option... options) { return FINDER.findOne(options); }
    public static List<AuditEvent> findAll(Option... options) { return FINDER.findAll(options); }
    public static Result<AuditEvent> findAndCountAll(Option... options) { return FINDER.findAndCountAll(options); }
    public static long count(Option... options) { return FINDER.count(options); }
    public static <V> V max(String field, Class<V> type, Option... options) { return FINDER.max(field, type, options); }
    public static <V> V min(String field, Class<V> type, Option... options) { return FINDER.min(field, type, options); }
}
