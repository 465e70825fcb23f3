package clinic.web;

import clinic.model.Model;
import clinic.model.Values;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.TreeSet;

/** Binds JSON bodies onto models: POST creates, PATCH merges the fields present, PUT replaces all writable. */
final class Bodies {

    private Bodies() {
    }

    static <T extends Model> T create(ObjectMapper mapper, ObjectNode body, Class<T> type) {
        requireObject(body);
        try {
            return mapper.treeToValue(body, type);
        } catch (JsonProcessingException e) {
            throw new ProblemException(problem(e));
        }
    }

    static <T extends Model> void patch(ObjectMapper mapper, T row, ObjectNode body) {
        requireObject(body);
        try {
            mapper.readerForUpdating(row).readValue(body);
        } catch (java.io.IOException e) {
            throw new ProblemException(e instanceof JsonProcessingException j ? problem(j)
                    : Problem.of(400, "bad_request", "Bad request", "The body could not be read", null));
        }
    }

    /** PUT: every writable field not in the body goes back to its default, as on a new row. */
    static <T extends Model> void replace(ObjectMapper mapper, T row, ObjectNode body, Class<T> type) {
        requireObject(body);
        ObjectNode full = mapper.valueToTree(create(mapper, mapper.createObjectNode(), type));
        List.of("id", "createdAt", "updatedAt", "deletedAt", "version").forEach(full::remove);
        full.setAll(body);
        patch(mapper, row, full);
    }

    static Problem problem(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            TreeSet<String> allowed = new TreeSet<>();
            u.getKnownPropertyIds().forEach(id -> allowed.add(String.valueOf(id)));
            String message = "unknown field '" + u.getPropertyName() + "'; allowed: " + String.join(", ", allowed);
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

    private static Problem fieldProblem(String field, String message) {
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
