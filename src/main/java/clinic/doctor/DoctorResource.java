package clinic.doctor;

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

/** {@code /doctors}: CRUD, soft delete and restore, and the doctor's appointments and patients. */
@Path("/doctors")
@Tag(name = "Doctors")
public class DoctorResource {

    private final Crud crud;

    public DoctorResource(Crud crud) {
        this.crud = crud;
    }

    @GET
    @Operation(summary = "List doctors (findAndCountAll)")
    public Response list(@Context UriInfo uri) {
        return crud.list(Doctor.class, uri, null);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a doctor (findByPk)")
    public Response get(@PathParam("id") String id, @Context UriInfo uri) {
        return crud.get(Doctor.class, id, uri);
    }

    @POST
    @Operation(summary = "Create a doctor")
    public Response create(ObjectNode body, @Context UriInfo uri) {
        return crud.create(Doctor.class, body, uri, d -> { });
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Update the fields given")
    public Response patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ObjectNode body) {
        return crud.update(Doctor.class, id, body, ifMatch, false, d -> { });
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace all writable fields")
    public Response put(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ObjectNode body) {
        return crud.update(Doctor.class, id, body, ifMatch, true, d -> { });
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Soft-delete a doctor, or delete for real with force=true")
    public Response delete(@PathParam("id") String id, @QueryParam("force") boolean force) {
        return crud.destroy(Doctor.class, id, force);
    }

    @POST
    @Path("{id}/restore")
    @Operation(summary = "Undo a soft delete")
    public Response restore(@PathParam("id") String id) {
        return crud.restore(Doctor.class, id);
    }

    @GET
    @Path("{id}/appointments")
    @Operation(summary = "The doctor's appointments")
    public Response appointments(@PathParam("id") String id, @Context UriInfo uri) {
        return crud.listAssociated(Doctor.class, id, "appointments", uri);
    }

    @GET
    @Path("{id}/patients")
    @Operation(summary = "The doctor's patients, distinct, through appointments")
    public Response patients(@PathParam("id") String id, @Context UriInfo uri) {
        return crud.listAssociated(Doctor.class, id, "patients", uri);
    }
}
