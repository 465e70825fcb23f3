package clinic.web.openapi;

import clinic.web.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the OpenAPI document says about each model that its schema cannot: the resource path, the association
 * names {@code include} takes (as {@link clinic.model.ModelInfo} has them; OpenApiTest checks they agree), the
 * conflicts its writes meet and {@code where} examples that work in Swagger UI's "Try it out".
 */
record OpenApiModels(String path, String schema, List<String> associations, Problem conflict, Problem invalid,
                     boolean referenced, boolean references, Map<String, Map<String, String>> where) {

    static final OpenApiModels DOCTOR = new OpenApiModels("doctors", "Doctor", List.of("appointments", "patients"),
            OpenApiDocs.UNIQUE_VIOLATION, OpenApiDocs.INVALID_EMAIL, true, false, where(
                    "where[specialty]=Cardiology", Map.of("specialty", "Cardiology"),
                    "where[or][0][name][iLike]=%ada%&where[or][1][email][iLike]=%ada%",
                    Map.of("or][0][name][iLike", "%ada%", "or][1][email][iLike", "%ada%")));

    static final OpenApiModels PATIENT = new OpenApiModels("patients", "Patient", List.of("appointments", "doctors"),
            OpenApiDocs.UNIQUE_VIOLATION, OpenApiDocs.INVALID_EMAIL, true, false, where(
                    "where[birthDate][lt]=1990-01-01", Map.of("birthDate][lt", "1990-01-01"),
                    "where[phone][is]=null", Map.of("phone][is", "null")));

    static final OpenApiModels APPOINTMENT = new OpenApiModels("appointments", "Appointment",
            List.of("doctor", "patient"), OpenApiDocs.OVERLAP, OpenApiDocs.INVALID_DURATION, false, true, where(
                    "where[status]=booked", Map.of("status", "booked"),
                    "where[date][gte]=2026-01-01T00:00:00Z", Map.of("date][gte", "2026-01-01T00:00:00Z")));

    static final OpenApiModels AUDIT_EVENT = new OpenApiModels("audit-events", "AuditEvent", List.of(), null, null,
            false, false, where(
                    "where[patientIds][contains]=1", Map.of("patientIds][contains", "1"),
                    "where[action]=update&where[status][gte]=400", Map.of("action", "update", "status][gte", "400")));

    static final List<OpenApiModels> ALL = List.of(DOCTOR, PATIENT, APPOINTMENT, AUDIT_EVENT);

    /** Whether a path's first segment is a model's resource (the rest, like dev mode's token, document themselves). */
    static boolean documents(String segment) {
        return ALL.stream().anyMatch(m -> m.path.equals(segment));
    }

    /** The model a path segment names: a resource ({@code doctors}) or an association ({@code patients}). */
    static OpenApiModels byPath(String segment) {
        return ALL.stream().filter(m -> m.path.equals(segment)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no model documented for /" + segment));
    }

    /**
     * Adds what every model has and Jackson writes but the schema scan misses (Model's columns, which the models
     * ignore on input), read-only; drops what the scan finds but Jackson never writes (the engine's own state).
     */
    static void complete(Schema schema) {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("id", readOnly(SchemaType.INTEGER, "int64", 1));
        schema.getProperties().forEach((name, property) -> {
            if (!Set.of("persistent", "included", "saved", "attributes").contains(name)) {
                properties.put(name, property);
            }
        });
        properties.put("createdAt", readOnly(SchemaType.STRING, "date-time", "2026-01-05T10:15:30Z"));
        properties.put("updatedAt", readOnly(SchemaType.STRING, "date-time", "2026-01-05T10:15:30Z"));
        // an example of null, or Swagger UI invents a date: a live row's example would look soft-deleted
        properties.put("deletedAt", readOnly(SchemaType.STRING, "date-time", null).addType(SchemaType.NULL)
                .examples(new ArrayList<>(Collections.singletonList(null)))
                .description("Set by a soft delete; rows with it are hidden unless `paranoid=false`"));
        properties.put("version", readOnly(SchemaType.INTEGER, "int32", 0)
                .description("Optimistic lock, +1 on each write; the `ETag` is `\"<version>\"`"));
        schema.setProperties(properties);
    }

    private static Schema readOnly(SchemaType type, String format, Object example) {
        Schema s = OASFactory.createSchema().type(new ArrayList<>(List.of(type))).format(format).readOnly(true);
        return example == null ? s : s.examples(List.of(example));
    }

    /**
     * {@code where} examples by the query they send: Swagger UI sends each key as {@code where[key]=value}, and
     * starts with the first example, no filter, so an untouched "Try it out" lists everything.
     */
    private static Map<String, Map<String, String>> where(String first, Map<String, String> firstValue,
                                                          String second, Map<String, String> secondValue) {
        Map<String, Map<String, String>> examples = new LinkedHashMap<>();
        examples.put("no filter", Map.of());
        examples.put(first, new TreeMap<>(firstValue));
        examples.put(second, new TreeMap<>(secondValue));
        return examples;
    }
}
