package clinic.model;

import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Sequelize's nested create: a row and new rows of its hasMany associations, in one transaction, all or nothing. */
public final class NestedCreate<T extends Model> {

    private final Class<T> type;
    private final ModelInfo model;

    private NestedCreate(Class<T> type) {
        this.type = type;
        this.model = ModelInfo.of(type);
    }

    public static <T extends Model> NestedCreate<T> of(Class<T> type) {
        return new NestedCreate<>(type);
    }

    /**
     * Sequelize's {@code Model.create(values, {include: ['appointments']})}: the row, then each included hasMany's new
     * rows (lists of values) with their key set to it, in one transaction (the caller's, or one of its own): one bad
     * child and nothing is created. A child's error names its place: {@link NestedException}.
     */
    public T create(Map<String, ?> values, String... include) {
        if (!QuarkusTransaction.isActive()) {
            return QuarkusTransaction.requiringNew().call(() -> create(values, include));
        }
        Map<String, Object> own = new LinkedHashMap<>(values);
        Map<String, Object> children = new LinkedHashMap<>();
        for (String name : include) {
            model.association(name);
            children.put(name, own.remove(name));
        }
        T row = Instance.build(type, own);
        row.save();
        children.forEach((name, list) -> {
            Association a = model.association(name);
            if (!(list instanceof List<?> items)) {
                throw new QueryException(name, name + " must be a list of new " + a.target().getSimpleName() + " rows");
            }
            List<Model> rows = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                try {
                    @SuppressWarnings("unchecked")
                    Map<String, ?> item = (Map<String, ?>) items.get(i);
                    rows.add(Instance.build(a.target(), item));
                } catch (RuntimeException e) {
                    throw new NestedException(name, i, e);
                }
            }
            createAssociated(row, name, rows, child -> { });
        });
        return row;
    }

    /**
     * The new rows of a saved row's hasMany, in order: each gets its key set to the row, passes {@code check} (the
     * caller's rules for it) and is saved. A failure names the association and index: {@link NestedException}.
     */
    public <C extends Model> void createAssociated(T row, String association, List<C> children, Consumer<C> check) {
        Association a = model.association(association);
        if (a.kind() != Association.Kind.HAS_MANY) {
            throw new QueryException(association, association + " must be a hasMany to create rows through it");
        }
        for (int i = 0; i < children.size(); i++) {
            C child = children.get(i);
            try {
                ModelInfo.of(child.getClass()).write(child, a.foreignKey(), row.id);
                check.accept(child);
                child.save();
            } catch (RuntimeException e) {
                throw new NestedException(association, i, e);
            }
        }
    }

    /** A nested row of a create failed: which association and index, and why (the cause). */
    public static final class NestedException extends RuntimeException {

        public final String association;
        public final int index;

        NestedException(String association, int index, RuntimeException cause) {
            super(association + "[" + index + "]: " + cause.getMessage(), cause, false, false);
            this.association = association;
            this.index = index;
        }
    }
}
