package clinic.web.problem;

import clinic.web.RequestIds;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem document, with a stable {@code code} and, for validation, the fields at fault. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record Problem(
        @Schema(examples = "https://clinic.example/problems/validation") String type,
        @Schema(examples = "Validation failed") String title,
        @Schema(examples = "400") int status,
        @Schema(examples = "2 fields are invalid") String detail,
        @Schema(examples = "validation", description = "Stable machine-readable code: validation, not_found, "
                + "unique_violation, appointment_overlap, stale_version, missing_reference, still_referenced, "
                + "bad_request, not_acceptable, payload_too_large, unauthenticated, forbidden, database_unavailable, "
                + "audit_unavailable, internal") String code,
        List<FieldError> errors,
        @Schema(examples = "3f1c2a9e-5b7d-4e8a-9c61-0d2b4f6a8e10", description = "The request's `X-Request-Id`: "
                + "the same value is in the response header, the service's log line and the audit event")
        String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input: a JSON pointer into the body ({@code /email}) or a query parameter's name. */
    public record FieldError(@Schema(examples = "/email") String field,
                             @Schema(examples = "must be a well-formed email address") String message) {
    }

    public static Problem of(int status, String code, String title, String detail, List<FieldError> errors) {
        return new Problem("https://clinic.example/problems/" + code.replace('_', '-'), title, status, detail, code,
                errors == null || errors.isEmpty() ? null : errors, null);
    }

    /** This problem about a part of the body: {@code /date} becomes {@code /appointments/1/date}. */
    public Problem within(String pointer) {
        List<FieldError> inside = errors == null ? List.of(new FieldError(pointer, detail)) : errors.stream()
                .map(e -> new FieldError(pointer + (e.field() == null || e.field().equals("/") ? ""
                        : e.field().startsWith("/") ? e.field() : "/" + e.field()), e.message())).toList();
        return new Problem(type, title, status, pointer + ": " + detail, code, inside, requestId);
    }

    /** This problem as answered to the request being served, naming its id. */
    public Problem answered() {
        return answered(RequestIds.current());
    }

    /** For code off the request's Vert.x context, which has the id from its RoutingContext. */
    public Problem answered(String requestId) {
        return new Problem(type, title, status, detail, code, errors, requestId);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(answered()).build();
    }
}
