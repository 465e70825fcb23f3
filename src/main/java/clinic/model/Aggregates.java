package clinic.model;

import java.util.List;

/**
 * Sequelize's aggregate finds, {@code findAll({attributes: [[fn('count', col('id')), 'n'], 'status'], group:
 * ['status'], having, raw: true})}, as {@code aggregate(attributes(fn("count", col("id")).as("n"), "status"),
 * group("status"), having(where("n", gt(3))))}: one row per group as a map, narrowed and scoped like every find.
 */
public final class Aggregates {

    /** A part of an aggregate find; a plain find refuses it rather than ignore it. */
    public sealed interface Part extends FindOptions.Option permits Attributes, Group, Having {
        @Override
        default void applyTo(FindOptions options) {
            throw new QueryException("group", "fn attributes, group and having are options of aggregate(), not of a find");
        }
    }

    /** Sequelize's {@code col('id')}: an attribute of the model. */
    public record Col(String field) {
    }

    /** Sequelize's {@code fn('count', col('id'))}, named by {@link #as} (by the function's name until then). */
    public record Fn(String name, Col col, String alias) {
        public Fn as(String alias) {
            return new Fn(name, col, alias);
        }
    }

    public record Attributes(List<Object> items) implements Part {
    }

    public record Group(List<String> fields) implements Part {
    }

    public record Having(Where where) implements Part {
    }

    private Aggregates() {
    }

    public static Col col(String field) { return new Col(field); }
    public static Fn fn(String name, Col col) { return new Fn(name, col, name); }
    /** The selected columns: {@link Fn}s and grouped attributes' names. */
    public static Attributes attributes(Object... items) { return new Attributes(List.of(items)); }
    public static Group group(String... fields) { return new Group(List.of(fields)); }
    /** Conditions on the selected names, aliases included: {@code having(where("n", gt(3)))}. */
    public static Having having(Where where) { return new Having(where); }
}
