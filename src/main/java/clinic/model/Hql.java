package clinic.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/** Turns a {@link Where} into an HQL condition over a model's attributes; every value is a bound parameter. */
final class Hql {

    private static final Set<Op> PATTERNS = EnumSet.of(Op.like, Op.notLike, Op.iLike, Op.notILike);
    private static final String ESCAPE = " escape '\\'";

    final Map<String, Object> params = new HashMap<>();
    private final Access access = Access.current();
    /** Set while an access scope is written: its own through rows are the scope, not narrowed again. */
    private boolean trusted;
    private int aliases;

    /** The rows of {@code model} the current access may see, as a condition on {@code alias}; null for all. */
    String visible(ModelInfo model, String alias) {
        Where scope = access.visible(model);
        if (scope == null) {
            return null;
        }
        boolean outer = trusted;
        trusted = true;
        try {
            return "(" + condition(model, alias, scope) + ")";
        } finally {
            trusted = outer;
        }
    }

    /** {@code " and <visible>"}, or nothing when every row is visible. */
    String andVisible(ModelInfo model, String alias) {
        String v = visible(model, alias);
        return v == null ? "" : " and " + v;
    }

    /** A fresh alias for a subquery, so nested scopes never shadow one another. */
    String alias(String prefix) {
        return prefix + (++aliases);
    }

    String condition(ModelInfo model, String alias, Where where) {
        List<String> parts = new ArrayList<>();
        for (Where.Node node : where.nodes()) {
            if (node instanceof Where.Condition c) {
                parts.add(condition(model, alias, c));
            } else if (node instanceof Where.AnyOf any) {
                parts.add(anyOf(model, alias, any));
            } else {
                parts.add(through(alias, (Where.Through) node));
            }
        }
        return parts.isEmpty() ? "true" : String.join(" and ", parts);
    }

    String param(Object value) {
        String name = "p" + params.size();
        params.put(name, value);
        return ":" + name;
    }

    private String anyOf(ModelInfo model, String alias, Where.AnyOf any) {
        if (any.groups().isEmpty()) {
            return "false";
        }
        StringJoiner or = new StringJoiner(" or ", "(", ")");
        any.groups().forEach(g -> or.add("(" + condition(model, alias, g) + ")"));
        return or.toString();
    }

    /**
     * The through rows are narrowed too: a doctor's patients of another doctor are only the ones both saw. Distinct,
     * so PostgreSQL reads the owner's target ids already unique and in id order from the (owner, target) live index
     * (008-doctor-patients-index) and a page stops after its rows, whatever the owner's history.
     */
    private String through(String alias, Where.Through t) {
        Association a = t.association();
        String throughTargetKey = a.throughTarget() + "Id";
        String link = alias("t");
        return alias + ".id in (select distinct " + link + "." + throughTargetKey + " from " + a.through().getSimpleName()
                + " " + link + " where " + link + "." + a.foreignKey() + " = " + param(t.ownerId()) + " and " + link
                + ".deletedAt is null" + (trusted ? "" : andVisible(ModelInfo.of(a.through()), link)) + ")";
    }

    private String condition(ModelInfo model, String alias, Where.Condition c) {
        Class<?> type = model.attribute(c.field());
        Op op = c.operand().op();
        if (!Op.allowedFor(type).contains(op)) {
            throw new QueryException(c.field(), "operator '" + op + "' does not fit " + c.field()
                    + "; allowed: " + Op.allowedFor(type));
        }
        String path = alias + "." + c.field();
        Object raw = c.operand().value();
        if (op == Op.is || op == Op.not) {
            Boolean b = raw instanceof String s ? Values.parseBoolean(c.field(), s) : (Boolean) raw;
            if (b != null && type != Boolean.class) {
                // PostgreSQL's IS TRUE takes only booleans: anything else was a 500
                throw new QueryException(c.field(), c.field() + " is not true/false: '" + op
                        + "' takes only null here");
            }
            String test = b == null ? "null" : b.toString();
            return path + (op == Op.is ? " is " : " is not ") + test;
        }
        if (op == Op.contains) {
            List<Object> values = list(c.field(), type.getComponentType(), raw);
            Object array = java.lang.reflect.Array.newInstance(type.getComponentType(), values.size());
            for (int i = 0; i < values.size(); i++) {
                java.lang.reflect.Array.set(array, i, values.get(i));
            }
            return "array_includes(" + path + ", " + param(array) + ")";
        }
        if (Op.LIST.contains(op)) {
            List<Object> values = list(c.field(), type, raw);
            if ((op == Op.between || op == Op.notBetween) && values.size() != 2) {
                throw new QueryException(c.field(), op + " takes two values, from and to");
            }
            return switch (op) {
                case between -> path + " between " + param(values.get(0)) + " and " + param(values.get(1));
                case notBetween -> path + " not between " + param(values.get(0)) + " and " + param(values.get(1));
                case in -> path + " in (" + param(values) + ")";
                default -> path + " not in (" + param(values) + ")";
            };
        }
        Object value = Values.convert(c.field(), type, raw);
        if (value == null) {
            throw new QueryException(c.field(), "use the 'is' operator to compare with null");
        }
        if (PATTERNS.contains(op) && endsWithEscape((String) value)) {
            throw new QueryException(c.field(), "the pattern ends with a lone backslash; write \\\\ for a backslash");
        }
        return switch (op) {
            case eq -> path + " = " + param(value);
            case ne -> path + " <> " + param(value);
            case gt -> path + " > " + param(value);
            case gte -> path + " >= " + param(value);
            case lt -> path + " < " + param(value);
            case lte -> path + " <= " + param(value);
            // backslash escapes % and _ as in Sequelize on PostgreSQL; Hibernate would otherwise say escape ''
            case like -> path + " like " + param(value) + ESCAPE;
            case notLike -> path + " not like " + param(value) + ESCAPE;
            case iLike -> path + " ilike " + param(value) + ESCAPE;
            case notILike -> path + " not ilike " + param(value) + ESCAPE;
            case startsWith -> path + " like " + param(escape((String) value) + "%") + ESCAPE;
            case endsWith -> path + " like " + param("%" + escape((String) value)) + ESCAPE;
            case substring -> path + " like " + param("%" + escape((String) value) + "%") + ESCAPE;
            default -> throw new IllegalStateException(op.name());
        };
    }

    private static List<Object> list(String field, Class<?> type, Object raw) {
        Collection<?> items = raw instanceof Collection<?> c ? c
                : raw instanceof String s ? List.of(s.split(",", -1)) : List.of(raw);
        List<Object> values = new ArrayList<>();
        for (Object item : items) {
            Object v = Values.convert(field, type, item);
            if (v == null) {
                throw new QueryException(field, "a list may not contain null");
            }
            values.add(v);
        }
        if (values.isEmpty()) {
            throw new QueryException(field, "the list is empty");
        }
        return values;
    }

    /** PostgreSQL refuses a pattern that ends with its escape character. */
    private static boolean endsWithEscape(String pattern) {
        int backslashes = 0;
        for (int i = pattern.length() - 1; i >= 0 && pattern.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** startsWith/endsWith/substring match their text literally, as Sequelize escapes them. */
    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
