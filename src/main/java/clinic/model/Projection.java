package clinic.model;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Sequelize's {@code attributes} in the SQL: a find with attributes selects those columns only and reads each row
 * into a new, unmanaged instance of the model, every other attribute null. Such a row is for reading: saving,
 * destroying or restoring it throws (see {@link Model#attributes()}), so it is never written over the full row.
 * Besides the attributes asked for it reads the keys the engine needs (id, version for the ETag, the belongsTo keys
 * for to-one includes and the audit trail's patients); only the ones asked for are shown.
 */
final class Projection {

    /** What is shown: id, then the attributes asked for, in their order. */
    final Set<String> shown;
    /** What is selected: the shown attributes, then the keys. */
    private final List<String> loaded;
    private final Constructor<? extends Model> constructor;
    private final Method[] setters;
    /** The attributes not selected, set to null over the model's field initialisers ({@code status = booked}). */
    private final Method[] cleared;

    private Projection(ModelInfo model, Set<String> shown, List<String> also) {
        this.shown = shown;
        Set<String> loaded = new LinkedHashSet<>(shown);
        loaded.add("version");
        loaded.addAll(also);
        model.associations().values().stream().filter(a -> !a.toMany()).forEach(a -> loaded.add(a.foreignKey()));
        this.loaded = List.copyOf(loaded);
        try {
            constructor = model.type.getDeclaredConstructor();
            setters = new Method[this.loaded.size()];
            for (int i = 1; i < setters.length; i++) {
                setters[i] = setter(model, this.loaded.get(i));
            }
            List<Method> clear = new ArrayList<>();
            for (String field : model.attributes().keySet()) {
                if (!loaded.contains(field)) {
                    clear.add(setter(model, field));
                }
            }
            cleared = clear.toArray(Method[]::new);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The projection {@code attributes(...)} or {@code attributes(exclude(...))} ask for; null for whole rows. */
    static Projection of(ModelInfo model, Set<String> attributes, Set<String> exclude) {
        return of(model, attributes, exclude, List.of());
    }

    /** An include's projection also reads the fields it is ordered by: SELECT DISTINCT orders by selected ones only. */
    static Projection of(ModelInfo model, Include inc) {
        return of(model, inc.attributes, inc.exclude, inc.order.stream().map(FindOptions.Order::field).toList());
    }

    private static Projection of(ModelInfo model, Set<String> attributes, Set<String> exclude, List<String> also) {
        if (attributes.isEmpty() && exclude.isEmpty()) {
            return null;
        }
        Set<String> shown = new LinkedHashSet<>();
        shown.add("id");
        for (String field : attributes.isEmpty() ? model.attributes().keySet() : attributes) {
            model.attribute(field);
            shown.add(field);
        }
        for (String field : exclude) {
            model.attribute(field);
            if (!field.equals("id")) {
                shown.remove(field);
            }
        }
        return new Projection(model, shown, also);
    }

    /** The select list over {@code alias}, id first. */
    String select(String alias) {
        StringJoiner select = new StringJoiner(", ");
        loaded.forEach(field -> select.add(alias + "." + field));
        return select.toString();
    }

    int width() {
        return loaded.size();
    }

    /** The rows of a query that selected {@link #select} only. */
    @SuppressWarnings("unchecked")
    <T extends Model> List<T> readAll(List<Object[]> tuples) {
        List<T> rows = new ArrayList<>(tuples.size());
        tuples.forEach(t -> rows.add((T) read(t, 0)));
        return rows;
    }

    /** The row whose columns start at {@code from} in {@code tuple}: a new instance, only those attributes set. */
    Model read(Object[] tuple, int from) {
        try {
            Model row = constructor.newInstance();
            for (Method clear : cleared) {
                clear.invoke(row, (Object) null);
            }
            row.id = (Long) tuple[from];
            for (int i = 1; i < setters.length; i++) {
                setters[i].invoke(row, tuple[from + i]);
            }
            row.project(shown);
            return row;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Method setter(ModelInfo model, String field) throws NoSuchMethodException {
        return model.type.getMethod("set" + Character.toUpperCase(field.charAt(0)) + field.substring(1),
                model.attribute(field));
    }
}
