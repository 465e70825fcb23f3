package clinic.model;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;

import java.util.function.Supplier;

/**
 * Whose rows the engine answers for. Every find, count, include, association read and required include is narrowed
 * to {@link #visible} of the current access: a caller's when a request set one ({@link RequestAccess}), the
 * system's (every row) for code outside a request: the migration CLI, start-up, tests' fixtures.
 */
@FunctionalInterface
public interface Access {

    /** Every row: the engine's access outside a request. */
    Access SYSTEM = model -> null;

    /** The rows of {@code model} this access may see, as a where over its attributes; null for every row. */
    Where visible(ModelInfo model);

    static Access current() {
        RequestAccess request = request();
        return request == null ? SYSTEM : request.current();
    }

    /** Runs a check that must see every row whatever the caller may read, e.g. that a referenced row exists. */
    static <T> T asSystem(Supplier<T> work) {
        RequestAccess request = request();
        return request == null ? work.get() : request.asSystem(work);
    }

    private static RequestAccess request() {
        ArcContainer arc = Arc.container();
        return arc == null || !arc.requestContext().isActive() ? null : arc.instance(RequestAccess.class).get();
    }
}
