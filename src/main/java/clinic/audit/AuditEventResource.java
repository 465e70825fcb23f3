package clinic.audit;

import clinic.web.Crud;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /audit-events}: the whole trail, for admins, with the list query of every model. */
@Path("/audit-events")
@RolesAllowed("admin")
@Tag(name = "Audit", description = "Who read or changed which patient's data, and how it ended: one event per "
        + "request that carried a valid token. Append-only.")
public class AuditEventResource {

    private final Crud crud;

    public AuditEventResource(Crud crud) {
        this.crud = crud;
    }

    @GET
    @Operation(summary = "Search the audit trail (admin)",
            description = "`AuditEvent.findAndCountAll(options)`: e.g. `where[patientIds][contains]=7` for every "
                    + "event that touched patient 7, `order=-recordedAt`.")
    public Response list(@Context UriInfo uri) {
        return crud.list(AuditEvent.class, uri, null);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get an audit event (admin)", description = "`AuditEvent.findByPk(id)`.")
    public Response get(@PathParam("id") String id, @Context UriInfo uri) {
        return crud.get(AuditEvent.class, id, uri);
    }
}
