package clinic.patient;

import clinic.appointment.BookingRules;
import clinic.web.Crud;
import clinic.web.NestedCreates;
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

/** {@code /patients}: CRUD, soft delete and restore, and the patient's appointments and doctors. */
@Authenticated
@Path("/patients")
@Tag(name = "Patients",
        description = "Patient: `hasMany(Appointment, {as: 'appointments'})`, `belongsToMany(Doctor, {through: "
                + "Appointment, as: 'doctors'})`. Deleting a patient keeps their appointments.")
public class PatientResource {

    private static final String NEW = """
            {"name": "Dana White", "email": "dana.white@example.com", "phone": "+1 415 555 0123",
             "birthDate": "1992-07-14"}""";
    private static final String WITH_APPOINTMENTS = """
            {"name": "Eli Moss", "email": "eli.moss@example.com", "birthDate": "1988-02-03",
             "appointments": [{"doctorId": 1, "date": "2030-01-08T10:00:00Z", "reason": "First visit"},
                              {"doctorId": 1, "date": "2030-01-15T10:00:00Z", "durationMinutes": 15}]}""";
    private static final String CHANGE = """
            {"phone": "+1 415 555 0124"}""";

    private final Crud crud;
    private final NestedCreates nested;

    public PatientResource(Crud crud, NestedCreates nested) {
        this.crud = crud;
        this.nested = nested;
    }

    @GET
    @Operation(summary = "List patients",
            description = "`Patient.findAndCountAll(options)`, the options from the query string: one page of "
                    + "the patients matching `where`; `X-Total-Count` counts them all.")
    public Response list(@Context UriInfo uri) {
        return crud.list(Patient.class, uri, null);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a patient",
            description = "`Patient.findByPk(id, {include, attributes, paranoid})`.")
    public Response get(@PathParam("id") String id, @Context UriInfo uri) {
        return crud.get(Patient.class, id, uri);
    }

    @POST
    @Operation(summary = "Create a patient",
            description = "`Patient.create(body)`: `name` and `email` are required, `email` unique, ignoring "
                    + "case, among patients not deleted; `birthDate` not in the future. With an `appointments` "
                    + "array, `Patient.create(body, {include: ['appointments']})`: the patient and those bookings "
                    + "(each needs `date` and `doctorId`) in one transaction, all or nothing; the answer includes "
                    + "them.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Patient.class),
            examples = {@ExampleObject(name = "new patient", value = NEW),
                    @ExampleObject(name = "with appointments", value = WITH_APPOINTMENTS)}))
    public Response create(ObjectNode body, @Context UriInfo uri) {
        return nested.create(Patient.class, body, uri, p -> { }, "appointments", BookingRules::check);
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Update the fields given",
            description = "`patient.update(body)`: only the fields present change, under the rules of create. "
                    + "With `If-Match`, only if the row is still that version.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Patient.class),
            examples = @ExampleObject(name = "change", value = CHANGE)))
    public Response patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ObjectNode body) {
        return crud.update(Patient.class, id, body, ifMatch, false, d -> { });
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace all writable fields",
            description = "`patient.set(body, {reset: true}).save()`: writable fields missing from the body go "
                    + "back to their defaults. With `If-Match`, only if the row is still that version.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Patient.class),
            examples = @ExampleObject(name = "patient", value = NEW)))
    public Response put(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ObjectNode body) {
        return crud.update(Patient.class, id, body, ifMatch, true, d -> { });
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Soft-delete a patient, or delete for real with force=true",
            description = "`patient.destroy()` sets `deletedAt` (Sequelize `paranoid`); "
                    + "`patient.destroy({force: true})` deletes the row.")
    public Response delete(@PathParam("id") String id, @QueryParam("force") boolean force,
                           @HeaderParam("If-Match") String ifMatch) {
        return crud.destroy(Patient.class, id, force, ifMatch);
    }

    @POST
    @Path("{id}/restore")
    @Operation(summary = "Undo a soft delete",
            description = "`patient.restore()`: clears `deletedAt`; a row not deleted is answered as it is.")
    public Response restore(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return crud.restore(Patient.class, id, ifMatch);
    }

    @GET
    @Path("{id}/appointments")
    @Operation(summary = "The patient's appointments",
            description = "`patient.getAppointments(options)`: the query of `GET /appointments` within this "
                    + "patient's appointments; 404 if the patient does not exist.")
    public Response appointments(@PathParam("id") String id, @Context UriInfo uri) {
        return crud.listAssociated(Patient.class, id, "appointments", uri);
    }

    @GET
    @Path("{id}/doctors")
    @Operation(summary = "The patient's doctors, distinct, through appointments",
            description = "`patient.getDoctors(options)`: the query of `GET /doctors` within the doctors this "
                    + "patient has appointments with; 404 if the patient does not exist. `X-Total-Count` is exact; "
                    + "with no other `where`, for a caller who sees every doctor, it is the count the database "
                    + "keeps as appointments are written.")
    public Response doctors(@PathParam("id") String id, @Context UriInfo uri) {
        return crud.listAssociated(Patient.class, id, "doctors", uri);
    }
}
