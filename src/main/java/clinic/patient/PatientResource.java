package clinic.patient;

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

/** {@code /patients}: CRUD, soft delete and restore, and the patient's appointments and doctors. */
@Path("/patients")
@Tag(name = "Patients")
public class PatientResource {

    private final Crud crud;

    public PatientResource(Crud crud) {
        this.crud = crud;
    }

    @GET
    @Operation(summary = "List patients (findAndCountAll)")
    public Response list(@Context UriInfo uri) {
        return crud.list(Patient.class, uri, null);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a patient (findByPk)")
    public Response get(@PathParam("id") String id, @Context UriInfo uri) {
        return crud.get(Patient.class, id, uri);
    }

    @POST
    @Operation(summary = "Create a patient")
    public Response create(ObjectNode body, @Context UriInfo uri) {
        return crud.create(Patient.class, body, uri, d -> { });
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Update the fields given")
    public Response patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ObjectNode body) {
        return crud.update(Patient.class, id, body, ifMatch, false, d -> { });
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace all writable fields")
    public Response put(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ObjectNode body) {
        return crud.update(Patient.class, id, body, ifMatch, true, d -> { });
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Soft-delete a patient, or delete for real with force=true")
    public Response delete(@PathParam("id") String id, @QueryParam("force") boolean force) {
        return crud.destroy(Patient.class, id, force);
    }

    @POST
    @Path("{id}/restore")
    @Operation(summary = "Undo a soft delete")
    public Response restore(@PathParam("id") String id) {
        return crud.restore(Patient.class, id);
    }

    @GET
    @Path("{id}/appointments")
    @Operation(summary = "The patient's appointments")
    public Response appointments(@PathParam("id") String id, @Context UriInfo uri) {
        return crud.listAssociated(Patient.class, id, "appointments", uri);
    }

    @GET
    @Path("{id}/doctors")
    @Operation(summary = "The patient's doctors, distinct, through appointments")
    public Response doctors(@PathParam("id") String id, @Context UriInfo uri) {
        return crud.listAssociated(Patient.class, id, "doctors", uri);
    }
}
