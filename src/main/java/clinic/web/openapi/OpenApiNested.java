package clinic.web.openapi;

import clinic.web.problem.ProblemException;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /patients} takes new appointments in the body (Sequelize's nested create): its body is the Patient
 * schema plus an {@code appointments} array of {@code NestedAppointment}, the Appointment schema without the
 * {@code patientId} the service sets.
 */
final class OpenApiNested {

    private OpenApiNested() {
    }

    /** Whether a model's create takes new rows of an association in its body. */
    static boolean nests(OpenApiModels model) {
        return model == OpenApiModels.PATIENT;
    }

    /** What a nested create adds to the create's errors: its new rows' conflicts and missing references. */
    static List<OpenApiDocs.Case> cases() {
        return List.of(new OpenApiDocs.Case("appointment_overlap", "A new appointment overlaps a live one of its "
                        + "doctor, or another of the body's", OpenApiDocs.OVERLAP.within("/appointments/1")),
                new OpenApiDocs.Case("missing_reference", "A new appointment's doctor does not exist or is deleted",
                        ProblemException.missingReference("/doctorId", "Doctor", 42).problem.within("/appointments/0")));
    }

    static void add(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Operation post = api.getPaths().getPathItem("/patients").getPOST();
        Schema appointment = schemas.get("Appointment");
        Map<String, Schema> properties = new LinkedHashMap<>(appointment.getProperties());
        properties.remove("patientId");
        api.getComponents().addSchema("NestedAppointment", OASFactory.createSchema().type(appointment.getType())
                .properties(properties).required(List.of("date", "doctorId"))
                .description("A new appointment of the patient being created; `patientId` is the new patient's"));
        Schema appointments = OASFactory.createSchema().type(List.of(SchemaType.ARRAY))
                .items(OASFactory.createSchema().ref("NestedAppointment"))
                .description("New appointments of this patient, created with it in one transaction: one refused "
                        + "(overlap, missing doctor, invalid field) and nothing is created, the problem's `errors` "
                        + "pointing into the array (`/appointments/1/date`). Needs the right to create patients "
                        + "and appointments.");
        api.getComponents().addSchema("PatientWithAppointments", OASFactory.createSchema()
                .addAllOf(OASFactory.createSchema().ref("Patient"))
                .addAllOf(OASFactory.createSchema().type(List.of(SchemaType.OBJECT))
                        .addProperty("appointments", appointments))
                .description("A new patient, optionally with new appointments (Sequelize's `include`)"));
        post.getRequestBody().getContent().getMediaType("application/json")
                .setSchema(OASFactory.createSchema().ref("PatientWithAppointments"));
    }
}
