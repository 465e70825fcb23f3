package clinic.audit;

import clinic.model.FindOptions;
import clinic.patient.Patient;
import clinic.web.Crud;
import clinic.web.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.Set;

import static clinic.model.Where.contains;
import static clinic.model.Where.where;

/**
 * {@code /patients/{id}/access-log}: who looked at or changed this patient's data, newest first. Shows the who, when
 * and what of each event, never the rest (an event can name other patients too).
 */
@Path("/patients/{id}/access-log")
@RolesAllowed({"admin", "patient"})
@Tag(name = "Audit")
public class AccessLogResource {

    private static final Set<String> PARAMETERS = Set.of("limit", "offset");

    /** One line of the log. */
    public record Entry(Instant recordedAt, String actorName, String[] roles, String profile, String action,
                        Integer status, String path) {
    }

    private final Crud crud;

    public AccessLogResource(Crud crud) {
        this.crud = crud;
    }

    @GET
    @Operation(summary = "The patient's access log (admin, or the patient themself)",
            description = "Every audit event that touched this patient: who (`actorName`, `roles`, `profile`), when, "
                    + "`action`, `status` and `path`, newest first; `limit` and `offset` page it. Another patient's "
                    + "log answers 404.")
    public Response log(@PathParam("id") String id, @Context UriInfo uri) {
        for (String name : uri.getQueryParameters().keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw ProblemException.badRequest(name, "unknown parameter '" + name + "'; allowed: limit, offset");
            }
        }
        Patient patient = crud.owner(Patient.class, id);
        return crud.page(AuditEvent.class, uri, where("patientIds", contains(patient.id)),
                FindOptions.order("recordedAt", FindOptions.Direction.DESC), e -> new Entry(e.recordedAt,
                        e.actorName, e.roles, e.profile, e.action, e.status, e.path));
    }
}
