package clinic.doctor;

import clinic.web.Crud;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.Authenticated;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /doctors}: CRUD, soft delete and restore, and the doctor's appointments and patients. */
@Authenticated
@Path("/doctors")
@Tag(name = "Doctors",
        description = "Doctor: `hasMany(Appointment, {as: 'appointments'})`, `belongsToMany(Patient, {through: "
                + "Appointment, as: 'patients'})`. Deleting a doctor keeps their appointments.")
public class DoctorResource {

    private static final String NEW = """
            {"name": "Dr. Grace Hopper", "email": "grace.hopper@clinic.example", "specialty": "Neurology",
             "phone": "+1 202 555 0199"}""";
    private static final String CHANGE = """
            {"specialty": "Neurology"}""";

    private final Crud crud;

    public DoctorResource(Crud crud) {
        this.crud = crud;
    }

    @GET
    @Operation(summary = "List doctors",
            description = "`Doctor.findAndCountAll(options)`, the options from the query string: one page of "
                    + "the doctors matching `where`; `X-Total-Count` counts them all.")
    public Response list(@Context UriInfo uri) {
        return crud.list(Doctor.class, uri, null);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a doctor",
            description = "`Doctor.findByPk(id, {include, attributes, paranoid})`.")
    public Response get(@PathParam("id") String id, @Context UriInfo uri) {
        return crud.get(Doctor.class, id, uri);
    }

    @POST
    @Operation(summary = "Create a doctor",
            description = "`Doctor.create(body)`: `name` and `email` are required, `email` unique, ignoring "
                    + "case, among doctors not deleted.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Doctor.class),
            examples = @ExampleObject(name = "new doctor", value = NEW)))
    public Response create(ObjectNode body, @Context UriInfo uri) {
        return crud.create(Doctor.class, body, uri, d -> { });
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Update the fields given",
            description = "`doctor.update(body)`: only the fields present change, under the rules of create. "
                    + "With `If-Match`, only if the row is still that version.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Doctor.class),
            examples = @ExampleObject(name = "change", value = CHANGE)))
    public Response patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ObjectNode body) {
        return crud.update(Doctor.class, id, body, ifMatch, false, d -> { });
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace all writable fields",
            description = "`doctor.set(body, {reset: true}).save()`: writable fields missing from the body go "
                    + "back to their defaults. With `If-Match`, only if the row is still that version.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Doctor.class),
            examples = @ExampleObject(name = "doctor", value = NEW)))
    public Response put(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ObjectNode body) {
        return crud.update(Doctor.class, id, body, ifMatch, true, d -> { });
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Soft-delete a doctor, or delete for real with force=true",
            description = "`doctor.destroy()` sets `deletedAt` (Sequelize `paranoid`); "
                    + "`doctor.destroy({force: true})` deletes the row.")
    public Response delete(@PathParam("id") String id, @QueryParam("force") boolean force,
                           @HeaderParam("If-Match") String ifMatch) {
        return crud.destroy(Doctor.class, id, force, ifMatch);
    }

    @POST
    @Path("{id}/restore")
    @Operation(summary = "Undo a soft delete",
            description = "`doctor.restore()`: clears `deletedAt`; a row not deleted is answered as it is.")
    public Response restore(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return crud.restore(Doctor.class, id, ifMatch);
    }

    @GET
    @Path("{id}/appointments")
    @Operation(summary = "The doctor's appointments",
            description = "`doctor.getAppointments(options)`: the query of `GET /appointments` within this "
                    + "doctor's appointments; 404 if the doctor does not exist.")
    public Response appointments(@PathParam("id") String id, @Context UriInfo uri) {
        return crud.listAssociated(Doctor.class, id, "appointments", uri);
    }

    @GET
    @Path("{id}/patients")
    @Operation(summary = "The doctor's patients, distinct, through appointments",
            description = "`doctor.getPatients(options)`: the query of `GET /patients` within the patients this "
                    + "doctor has appointments with; 404 if the doctor does not exist. `X-Total-Count` is exact; "
                    + "with no other `where`, for a caller who sees every patient, it is the count the database "
                    + "keeps as appointments are written.")
    public Response patients(@PathParam("id") String id, @Context UriInfo uri) {
        return crud.listAssociated(Doctor.class, id, "patients", uri);
    }
}
