package clinic.model;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Sequelize's scopes: named bundles of find options (where, include, order, limit) per model, some taking arguments,
 * and a {@code defaultScope} applied to every find until {@code unscoped()}. {@code Model.scope("a", "b")} applies
 * both: wheres ANDed, includes merged, as Sequelize merges them.
 */
public final class Scopes {

    private static final Map<Class<?>, Map<String, Function<Object[], FindOptions.Option>>> NAMED =
            new ConcurrentHashMap<>();
    private static final Map<Class<?>, FindOptions.Option> DEFAULTS = new ConcurrentHashMap<>();

    private Scopes() {
    }

    /** A scope without arguments. */
    public static void define(Class<? extends Model> model, String name, FindOptions.Option... options) {
        define(model, name, args -> o -> {
            for (FindOptions.Option option : options) {
                option.applyTo(o);
            }
        });
    }

    /** A scope of arguments, as Sequelize's function scopes. */
    public static void define(Class<? extends Model> model, String name, Function<Object[], FindOptions.Option> scope) {
        NAMED.computeIfAbsent(model, m -> new TreeMap<>()).put(name, scope);
    }

    public static void defaultScope(Class<? extends Model> model, FindOptions.Option scope) {
        DEFAULTS.put(model, scope);
    }

    /** The scopes a model defines, for the query string's whitelist. */
    public static Set<String> names(Class<? extends Model> model) {
        return NAMED.getOrDefault(model, Map.of()).keySet();
    }

    static FindOptions.Option named(Class<? extends Model> model, String name, Object... args) {
        var scope = NAMED.getOrDefault(model, Map.of()).get(name);
        if (scope == null) {
            throw new QueryException("scope", "unknown scope '" + name + "' of " + model.getSimpleName()
                    + "; allowed: " + String.join(", ", names(model)));
        }
        return scope.apply(args);
    }

    static FindOptions.Option defaultOf(Class<? extends Model> model) {
        return DEFAULTS.get(model);
    }
}
