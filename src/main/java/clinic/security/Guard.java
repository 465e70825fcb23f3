package clinic.security;

import clinic.model.Access;
import clinic.model.Model;
import clinic.model.ModelInfo;
import clinic.model.Where;
import clinic.web.problem.Problem;
import clinic.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Applies the models' {@link AccessPolicy access policies} to the current {@link Caller}: as the engine's
 * {@link Access} for every read, and as the checks every write passes before it reaches the database.
 */
@ApplicationScoped
public class Guard implements Access {

    private final Caller caller;
    private final Map<Class<? extends Model>, List<Grant>> policies = new HashMap<>();

    public Guard(Caller caller, Instance<AccessPolicy> policies) {
        this.caller = caller;
        policies.forEach(p -> this.policies.put(p.model(), p.grants()));
    }

    /** The union of the caller's grants: every row if one grant reads all, none without a grant. */
    @Override
    public Where visible(ModelInfo model) {
        List<Grant> grants = grants(model.type, g -> true);
        if (grants.isEmpty()) {
            return Where.none();
        }
        List<Where> rows = new ArrayList<>();
        for (Grant g : grants) {
            if (g.reads == null) {
                return null;
            }
            rows.add(g.reads.apply(caller));
        }
        return rows.size() == 1 ? rows.get(0) : Where.or(rows.toArray(Where[]::new));
    }

    /** Reading a model at all; soft-deleted rows ({@code paranoid=false}) only for those who manage it. */
    public void read(Class<? extends Model> type, boolean paranoid) {
        require(type, g -> paranoid || g.manages, paranoid ? "read " : "read deleted ");
    }

    public void delete(Class<? extends Model> type, boolean force) {
        require(type, g -> g.deletes && (!force || g.manages), force ? "delete for good " : "delete ");
    }

    public void restore(Class<? extends Model> type) {
        require(type, g -> g.manages, "restore ");
    }

    public void mayCreate(Class<? extends Model> type) {
        require(type, g -> g.creates, "create ");
    }

    public void mayUpdate(Class<? extends Model> type) {
        require(type, g -> g.updates, "update ");
    }

    /** A new row: it must belong to the caller and hold only values the caller may write. */
    public void create(Model row) {
        Map<String, Object> after = ModelInfo.of(row.getClass()).values(row);
        allowIfAny(row.getClass(), g -> g.creates, g -> {
            if (g.owner != null && after.get(g.owner) != null
                    && !Objects.equals(after.get(g.owner), g.ownerId.apply(caller))) {
                return field(g.owner, "you may only create rows whose " + g.owner + " is yours");
            }
            return values(g.createValues, after, g.createValues.keySet());
        });
    }

    /** A changed row: it was the caller's, stays the caller's, and only fields and values the caller may write changed. */
    public void update(Model row, Map<String, Object> before) {
        Map<String, Object> after = ModelInfo.of(row.getClass()).values(row);
        Set<String> changed = ModelInfo.changed(before, after);
        allowIfAny(row.getClass(), g -> g.updates, g -> {
            if (g.owner != null) {
                Long mine = g.ownerId.apply(caller);
                if (!Objects.equals(before.get(g.owner), mine)) {
                    return new Problem.FieldError(null, "this " + row.getClass().getSimpleName() + " is not yours to change");
                }
                if (!Objects.equals(after.get(g.owner), mine)) {
                    return field(g.owner, "you may not move a row away from yourself");
                }
            }
            for (String f : changed) {
                if (g.updatable != null && !g.updatable.contains(f)) {
                    return field(f, "your roles may not change " + f);
                }
            }
            return values(g.updateValues, after, changed);
        });
    }

    private void require(Class<? extends Model> type, Predicate<Grant> may, String what) {
        if (grants(type, may).isEmpty()) {
            throw forbidden(null, "Your roles may not " + what + type.getSimpleName() + " rows");
        }
    }

    private void allowIfAny(Class<? extends Model> type, Predicate<Grant> may,
                            java.util.function.Function<Grant, Problem.FieldError> check) {
        Problem.FieldError first = null;
        for (Grant g : grants(type, may)) {
            Problem.FieldError refused = check.apply(g);
            if (refused == null) {
                return;
            }
            first = first == null ? refused : first;
        }
        if (first == null) {
            throw forbidden(null, "Your roles may not write " + type.getSimpleName() + " rows");
        }
        throw forbidden(first.field(), first.message());
    }

    private static Problem.FieldError values(Map<String, Set<String>> allowed, Map<String, Object> after,
                                             Set<String> fields) {
        for (String f : fields) {
            Set<String> values = allowed.get(f);
            if (values != null && !values.contains(String.valueOf(after.get(f)))) {
                return field(f, f + " may only be " + String.join(" or ", values));
            }
        }
        return null;
    }

    private static Problem.FieldError field(String attribute, String message) {
        return new Problem.FieldError("/" + attribute, message);
    }

    private List<Grant> grants(Class<? extends Model> type, Predicate<Grant> may) {
        Set<Role> roles = caller.roles();
        return policies.getOrDefault(type, List.of()).stream().filter(g -> roles.contains(g.role) && may.test(g))
                .toList();
    }

    private static ProblemException forbidden(String field, String message) {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", field == null ? message
                : field + ": " + message, field == null ? null : List.of(new Problem.FieldError(field, message))));
    }
}
