package clinic.appointment;

import clinic.web.Counts;
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

import java.util.List;

/** {@code /appointments}: booking, rescheduling and cancelling (PATCH status), soft delete and restore. */
@Authenticated
@Path("/appointments")
@Tag(name = "Appointments",
        description = "Appointment: `belongsTo(Doctor, {as: 'doctor'})`, `belongsTo(Patient, {as: 'patient'})`. "
                + "A doctor's, and a patient's, live appointments never overlap; cancel with PATCH `{\"status\": "
                + "\"cancelled\"}`.")
public class AppointmentResource {

    private static final String NEW = """
            {"doctorId": 1, "patientId": 1, "date": "2030-01-07T09:00:00Z", "durationMinutes": 30,
             "status": "booked", "reason": "Annual check-up"}""";
    private static final String CHANGE = """
            {"status": "cancelled"}""";

    /** What {@code GET /appointments/count?group=} may name. */
    private static final List<String> GROUPABLE = List.of("status", "doctorId", "patientId");

    private final Crud crud;
    private final Counts counts;

    public AppointmentResource(Crud crud, Counts counts) {
        this.crud = crud;
        this.counts = counts;
    }

    @GET
    @Operation(summary = "List appointments",
            description = "`Appointment.findAndCountAll(options)`, the options from the query string: one page "
                    + "of the appointments matching `where`; `X-Total-Count` counts them all.")
    public Response list(@Context UriInfo uri) {
        return crud.list(Appointment.class, uri, null);
    }

    @GET
    @Path("count")
    @Operation(summary = "Count appointments, or count them per group",
            description = "`Appointment.count({where, include, group})`: the appointments you may see that match "
                    + "`where` (and required includes), as `{\"count\": n}`; with `group=status` (or `doctorId`, "
                    + "`patientId`, comma-separated), one `{\"status\": \"booked\", \"count\": 12}` per group, "
                    + "in group order.")
    public Response count(@Context UriInfo uri) {
        return counts.count(Appointment.class, uri, GROUPABLE);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get an appointment",
            description = "`Appointment.findByPk(id, {include, attributes, paranoid})`.")
    public Response get(@PathParam("id") String id, @Context UriInfo uri) {
        return crud.get(Appointment.class, id, uri);
    }

    @POST
    @Operation(summary = "Create an appointment",
            description = "`Appointment.create(body)`: `date`, `doctorId` and `patientId` are required; the "
                    + "doctor and the patient must exist and not be deleted, and neither may have another live "
                    + "(not `cancelled` or `noshow`) appointment overlapping `[date, date + durationMinutes)`.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Appointment.class),
            examples = @ExampleObject(name = "new appointment", value = NEW)))
    public Response create(ObjectNode body, @Context UriInfo uri) {
        return crud.create(Appointment.class, body, uri, BookingRules::check);
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Update the fields given",
            description = "`appointment.update(body)`: only the fields present change, under the rules of "
                    + "create. With `If-Match`, only if the row is still that version.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Appointment.class),
            examples = @ExampleObject(name = "change", value = CHANGE)))
    public Response patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ObjectNode body) {
        return crud.update(Appointment.class, id, body, ifMatch, false, BookingRules::check);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace all writable fields",
            description = "`appointment.set(body, {reset: true}).save()`: writable fields missing from the body "
                    + "go back to their defaults. With `If-Match`, only if the row is still that version.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Appointment.class),
            examples = @ExampleObject(name = "appointment", value = NEW)))
    public Response put(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ObjectNode body) {
        return crud.update(Appointment.class, id, body, ifMatch, true, BookingRules::check);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Soft-delete an appointment, or delete for real with force=true",
            description = "`appointment.destroy()` sets `deletedAt` (Sequelize `paranoid`); "
                    + "`appointment.destroy({force: true})` deletes the row.")
    public Response delete(@PathParam("id") String id, @QueryParam("force") boolean force,
                           @HeaderParam("If-Match") String ifMatch) {
        return crud.destroy(Appointment.class, id, force, ifMatch);
    }

    @POST
    @Path("{id}/restore")
    @Operation(summary = "Undo a soft delete",
            description = "`appointment.restore()`: clears `deletedAt`; a row that is not deleted is answered "
                    + "as it is.")
    public Response restore(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return crud.restore(Appointment.class, id, ifMatch, BookingRules::checkRestore);
    }
}
