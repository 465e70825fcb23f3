package clinic.web.json;

import clinic.model.Model;
import clinic.model.Values;
import clinic.web.problem.Problem;
import clinic.web.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.IgnoredPropertyException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.List;
import java.util.TreeSet;

/**
 * Binds JSON bodies onto models: POST creates, PATCH merges the fields present, PUT replaces all writable. Nothing a
 * body holds is silently dropped: a field is written, or (derived, such as endsAt) accepted only when it equals what
 * the row will hold, or refused with a 400 naming it. Only the row metadata the API lists is ignored.
 */
public final class Bodies {

    /** API.md: ignored in a body, never written. */
    static final List<String> ROW_METADATA = List.of("id", "createdAt", "updatedAt", "deletedAt", "version");

    private Bodies() {
    }

    public static <T extends Model> T create(ObjectMapper mapper, ObjectNode body, Class<T> type) {
        ObjectNode fields = writable(body, type);
        try {
            T row = reader(mapper).forType(type).readValue(fields);
            DerivedFields.check(mapper, row, body);
            return row;
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    public static <T extends Model> void patch(ObjectMapper mapper, T row, ObjectNode body) {
        ObjectNode fields = writable(body, row.getClass());
        try {
            reader(mapper).withValueToUpdate(row).readValue(fields);
        } catch (IOException e) {
            throw unreadable(e);
        }
        DerivedFields.check(mapper, row, body);
    }

    /** PUT: every writable field not in the body goes back to its default, as on a new row. */
    public static <T extends Model> void replace(ObjectMapper mapper, T row, ObjectNode body, Class<T> type) {
        requireObject(body);
        ObjectNode full = writable(mapper.valueToTree(create(mapper, mapper.createObjectNode(), type)), type);
        full.setAll(body);
        patch(mapper, row, full);
    }

    /** A field marked ignored (@JsonIgnore, read-only) is refused as an unknown one is, not skipped. */
    private static ObjectReader reader(ObjectMapper mapper) {
        return mapper.reader().with(DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES);
    }

    /** The body without row metadata and derived fields: what is bound onto the row. */
    private static ObjectNode writable(ObjectNode body, Class<?> type) {
        requireObject(body);
        ObjectNode fields = body.deepCopy();
        fields.remove(ROW_METADATA);
        fields.remove(DerivedFields.names(type));
        return fields;
    }

    private static ProblemException unreadable(IOException e) {
        return new ProblemException(e instanceof JsonProcessingException j ? problem(j)
                : Problem.of(400, "bad_request", "Bad request", "The body could not be read", null));
    }

    public static Problem problem(JsonProcessingException e) {
        if (e instanceof PropertyBindingException u) {
            TreeSet<String> allowed = new TreeSet<>();
            u.getKnownPropertyIds().forEach(id -> allowed.add(String.valueOf(id)));
            String message = (u instanceof IgnoredPropertyException ? "field '" + u.getPropertyName()
                    + "' cannot be written" : "unknown field '" + u.getPropertyName() + "'") + "; allowed: "
                    + String.join(", ", allowed);
            return fieldProblem(pointer(u), message);
        }
        if (e instanceof InvalidFormatException f) {
            return fieldProblem(pointer(f), "'" + f.getValue() + "' is not " + Values.describe(f.getTargetType()));
        }
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            return fieldProblem(pointer(m), "must be " + Values.describe(m.getTargetType()));
        }
        if (e instanceof MismatchedInputException) {
            return notAnObject().problem;
        }
        if (e instanceof StreamConstraintsException) {
            // Jackson's own message names its StreamReadConstraints class and getters
            StreamReadConstraints limits = StreamReadConstraints.defaults();
            return Problem.of(400, "bad_request", "Malformed JSON", "The body nests deeper than "
                    + limits.getMaxNestingDepth() + " levels or holds a number longer than "
                    + limits.getMaxNumberLength() + " digits", null);
        }
        return Problem.of(400, "bad_request", "Malformed JSON", "The body is not valid JSON: " + e.getOriginalMessage(),
                null);
    }

    /** A missing body, {@code null}, an array or a scalar: Jackson's message would name its node classes. */
    private static void requireObject(ObjectNode body) {
        if (body == null) {
            throw notAnObject();
        }
        body.fields().forEachRemaining(field -> {
            if (field.getValue().isTextual() && !Texts.storable(field.getValue().textValue())) {
                throw new ProblemException(fieldProblem("/" + field.getKey(), Texts.RULE));
            }
        });
    }

    private static ProblemException notAnObject() {
        return new ProblemException(Problem.of(400, "bad_request", "Malformed JSON", "The body must be a JSON object",
                null));
    }

    static Problem fieldProblem(String field, String message) {
        return Problem.of(400, "bad_request", "Bad request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder p = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            p.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : ref.getIndex());
        }
        return p.length() == 0 ? "/" : p.toString();
    }
}
