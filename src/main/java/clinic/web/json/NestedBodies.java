package clinic.web.json;

import clinic.model.Model;
import clinic.model.NestedCreate;
import clinic.model.QueryException;
import clinic.web.problem.DatabaseErrors;
import clinic.web.problem.Problem;
import clinic.web.problem.ProblemException;
import clinic.web.problem.ProblemMappers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolationException;

import java.util.ArrayList;
import java.util.List;

/**
 * A body's array of new rows for a hasMany ({@code POST /patients} with {@code appointments}): each bound as strictly
 * as a body of its own, every problem pointing into the array ({@code /appointments/1/date}).
 */
public final class NestedBodies {

    private NestedBodies() {
    }

    /** The association's array, taken out of the body; null when the body has none. */
    public static List<ObjectNode> take(ObjectNode body, String association) {
        if (body == null || !body.has(association)) {
            return null;
        }
        JsonNode items = body.remove(association);
        if (!items.isArray()) {
            throw new ProblemException(Bodies.fieldProblem("/" + association, "must be an array of new rows"));
        }
        List<ObjectNode> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof ObjectNode row)) {
                throw new ProblemException(Bodies.fieldProblem("/" + association + "/" + i, "must be an object"));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The new rows, bound; their key to the new parent is the engine's to set, so a body may not hold it. */
    public static <C extends Model> List<C> bind(ObjectMapper mapper, List<ObjectNode> items, Class<C> type,
                                                 String association, String foreignKey) {
        List<C> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = "/" + association + "/" + i;
            if (items.get(i).has(foreignKey)) {
                throw new ProblemException(Bodies.fieldProblem(at + "/" + foreignKey,
                        "is the new row's id, set by the service; leave it out"));
            }
            try {
                rows.add(Bodies.create(mapper, items.get(i), type));
            } catch (ProblemException e) {
                throw new ProblemException(e.problem.within(at));
            }
        }
        return rows;
    }

    /** A new row that failed, as the problem it would be on its own, pointing at its place in the array. */
    public static RuntimeException problem(NestedCreate.NestedException e) {
        Throwable cause = e.getCause();
        Problem p = cause instanceof ProblemException known ? known.problem
                : cause instanceof ConstraintViolationException invalid ? ProblemMappers.validationProblem(invalid)
                : cause instanceof QueryException query ? ProblemException.badRequest(query.subject,
                query.getMessage()).problem
                : DatabaseErrors.toProblem(cause);
        return p == null ? e : new ProblemException(p.within("/" + e.association + "/" + e.index));
    }
}
