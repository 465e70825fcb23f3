package clinic.appointment;

import clinic.web.Crud;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /appointments}: booking, rescheduling and cancelling (PATCH status), soft delete and restore. */
@Path("/appointments")
@Tag(name = "Appointments")
public class AppointmentResource {

    private final Crud crud;

    public AppointmentResource(Crud crud) {
        this.crud = crud;
    }

    @GET
    @Operation(summary = "List appointments (findAndCountAll)")
    public Response list(@Context UriInfo uri) {
        return crud.list(Appointment.class, uri, null);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get an appointment (findByPk)")
    public Response get(@PathParam("id") String id, @Context UriInfo uri) {
        return crud.get(Appointment.class, id, uri);
    }

    @POST
    @Operation(summary = "Create an appointment")
    public Response create(ObjectNode body, @Context UriInfo uri) {
        return crud.create(Appointment.class, body, uri, BookingRules::check);
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Update the fields given")
    public Response patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ObjectNode body) {
        return crud.update(Appointment.class, id, body, ifMatch, false, BookingRules::check);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace all writable fields")
    public Response put(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ObjectNode body) {
        return crud.update(Appointment.class, id, body, ifMatch, true, BookingRules::check);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Soft-delete an appointment, or delete for real with force=true")
    public Response delete(@PathParam("id") String id, @QueryParam("force") boolean force) {
        return crud.destroy(Appointment.class, id, force);
    }

    @POST
    @Path("{id}/restore")
    @Operation(summary = "Undo a soft delete")
    public Response restore(@PathParam("id") String id) {
        return crud.restore(Appointment.class, id);
    }
}
