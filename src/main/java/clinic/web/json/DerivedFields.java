package clinic.web.json;

import clinic.model.Model;
import clinic.model.ModelInfo;
import clinic.model.Values;
import clinic.web.problem.ProblemException;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Fields a model computes in {@code beforeValidate} and shows read-only ({@code endsAt}): a body may carry one only
 * when it equals what the row will hold, so a client's different value is refused, never silently replaced.
 */
final class DerivedFields {

    private static final ClassValue<Map<String, Class<?>>> DERIVED = new ClassValue<>() {
        @Override
        protected Map<String, Class<?>> computeValue(Class<?> type) {
            Map<String, Class<?>> derived = new LinkedHashMap<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    JsonProperty p = f.getAnnotation(JsonProperty.class);
                    if (p != null && p.access() == JsonProperty.Access.READ_ONLY) {
                        derived.put(f.getName(), f.getType());
                    }
                }
            }
            return derived;
        }
    };

    private DerivedFields() {
    }

    static Set<String> names(Class<?> type) {
        return DERIVED.get(type).keySet();
    }

    /** After the body's other fields are bound: each derived field the body holds must equal the row's own. */
    static void check(ObjectMapper mapper, Model row, ObjectNode body) {
        Map<String, Class<?>> derived = DERIVED.get(row.getClass());
        if (derived.isEmpty()) {
            return;
        }
        row.beforeValidate();
        for (var field : derived.entrySet()) {
            JsonNode given = body.get(field.getKey());
            if (given == null) {
                continue;
            }
            String pointer = "/" + field.getKey();
            Object value;
            try {
                value = mapper.readerFor(field.getValue()).readValue(given);
            } catch (IOException e) {
                throw new ProblemException(Bodies.fieldProblem(pointer, "must be "
                        + Values.describe(field.getValue())));
            }
            Object expected = ModelInfo.read(row, field.getKey());
            if (!Objects.equals(value, expected)) {
                throw new ProblemException(Bodies.fieldProblem(pointer, field.getKey() + " is derived from the "
                        + "other fields: " + (expected == null ? "leave it out" : "it must be " + expected
                        + " or be left out")));
            }
        }
    }
}
