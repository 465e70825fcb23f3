package clinic.model;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/** The HQL of one {@link Aggregates} find: select, the find's filter, group by, having, order, all names checked. */
final class AggregateQuery {

    private static final Set<String> FUNCTIONS = Set.of("count", "sum", "min", "max", "avg");
    private static final Set<Op> COMPARISONS = Set.of(Op.eq, Op.ne, Op.gt, Op.gte, Op.lt, Op.lte, Op.in, Op.notIn,
            Op.between, Op.notBetween);

    private final ModelInfo model;
    private final List<Object> attributes = new ArrayList<>();
    private final List<String> group = new ArrayList<>();
    private final Where having = Where.where();
    /** Each selected name (an attribute or an alias) and its HQL expression and value type. */
    private final Map<String, String> expressions = new LinkedHashMap<>();
    private final Map<String, Class<?>> types = new LinkedHashMap<>();

    AggregateQuery(ModelInfo model, List<Aggregates.Part> parts) {
        this.model = model;
        for (Aggregates.Part p : parts) {
            if (p instanceof Aggregates.Attributes a) {
                attributes.addAll(a.items());
            } else if (p instanceof Aggregates.Group g) {
                group.addAll(g.fields());
            } else {
                having.and(((Aggregates.Having) p).where());
            }
        }
    }

    /** The rows, in group order unless {@code order} names selected names. */
    List<Map<String, Object>> query(EntityManager em, Finder<?> finder, FindOptions options) {
        select();
        Hql hql = new Hql();
        StringBuilder q = new StringBuilder("select ").append(String.join(", ", expressions.values())).append(" from ")
                .append(model.name).append(" m where ").append(finder.filter(hql, options));
        if (!group.isEmpty()) {
            q.append(" group by ").append(String.join(", ", group.stream().map(g -> "m." + g).toList()));
        }
        if (!having.isEmpty()) {
            q.append(" having ").append(condition(hql, having));
        }
        StringJoiner order = new StringJoiner(", ", " order by ", "").setEmptyValue("");
        options.order.forEach(o -> order.add(expression(o.field()) + " " + o.direction().name().toLowerCase()));
        group.forEach(g -> order.add("m." + g));
        q.append(order);
        if (options.limit != null) {
            q.append(" limit ").append(options.limit);
        }
        var query = em.createQuery(q.toString(), Tuple.class);
        hql.params.forEach(query::setParameter);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Tuple t : query.getResultList()) {
            Map<String, Object> row = new LinkedHashMap<>();
            int i = 0;
            for (String name : expressions.keySet()) {
                Object v = t.get(i++);
                row.put(name, v instanceof Enum<?> e ? e.name() : v);
            }
            rows.add(row);
        }
        return rows;
    }

    /** Checks the attributes against the model and the group, as PostgreSQL would, but naming what is allowed. */
    private void select() {
        group.forEach(model::attribute);
        if (attributes.isEmpty()) {
            throw new QueryException("attributes", "say what to select, e.g. attributes(fn(\"count\", col(\"id\"))"
                    + ".as(\"n\"), \"status\")");
        }
        for (Object item : attributes) {
            String name = item instanceof Aggregates.Fn f ? f.alias() : String.valueOf(item);
            if (expressions.containsKey(name)) {
                throw new QueryException(name, "the name '" + name + "' is selected twice");
            }
            if (item instanceof Aggregates.Fn f) {
                if (!FUNCTIONS.contains(f.name())) {
                    throw new QueryException(name, "unknown function '" + f.name() + "'; allowed: " + FUNCTIONS);
                }
                Class<?> type = model.attribute(f.col().field());
                boolean numeric = Number.class.isAssignableFrom(type);
                if ((f.name().equals("sum") || f.name().equals("avg")) && !numeric) {
                    throw new QueryException(name, f.name() + " takes a numeric attribute, not " + f.col().field());
                }
                types.put(name, switch (f.name()) {
                    case "count", "sum" -> Long.class;
                    case "avg" -> Double.class;
                    default -> type;
                });
                expressions.put(name, f.name() + "(m." + f.col().field() + ")");
            } else if (item instanceof String field && group.contains(field)) {
                types.put(name, model.attribute(field));
                expressions.put(name, "m." + field);
            } else {
                throw new QueryException(String.valueOf(item), "select a grouped attribute (" + group
                        + ") or an fn(...), not " + item);
            }
        }
    }

    private String expression(String name) {
        String e = expressions.get(name);
        if (e == null) {
            throw new QueryException(name, "'" + name + "' is not selected; allowed: " + expressions.keySet());
        }
        return e;
    }

    private String condition(Hql hql, Where where) {
        List<String> parts = new ArrayList<>();
        for (Where.Node node : where.nodes()) {
            if (node instanceof Where.Condition c) {
                parts.add(comparison(hql, c));
            } else if (node instanceof Where.AnyOf any) {
                StringJoiner or = new StringJoiner(" or ", "(", ")").setEmptyValue("false");
                any.groups().forEach(g -> or.add("(" + condition(hql, g) + ")"));
                parts.add(or.toString());
            } else {
                throw new QueryException("having", "having compares selected names only");
            }
        }
        return parts.isEmpty() ? "true" : String.join(" and ", parts);
    }

    private String comparison(Hql hql, Where.Condition c) {
        String e = expression(c.field());
        Op op = c.operand().op();
        if (!COMPARISONS.contains(op)) {
            throw new QueryException(c.field(), "having takes " + COMPARISONS + ", not " + op);
        }
        Object raw = c.operand().value();
        if (Op.LIST.contains(op)) {
            List<Object> values = new ArrayList<>();
            for (Object v : raw instanceof List<?> l ? l : List.of(raw)) {
                values.add(value(c.field(), v));
            }
            if ((op == Op.between || op == Op.notBetween) && values.size() != 2) {
                throw new QueryException(c.field(), op + " takes two values, from and to");
            }
            return switch (op) {
                case between -> e + " between " + hql.param(values.get(0)) + " and " + hql.param(values.get(1));
                case notBetween -> e + " not between " + hql.param(values.get(0)) + " and " + hql.param(values.get(1));
                case in -> e + " in (" + hql.param(values) + ")";
                default -> e + " not in (" + hql.param(values) + ")";
            };
        }
        String sign = switch (op) {
            case eq -> " = ";
            case ne -> " <> ";
            case gt -> " > ";
            case gte -> " >= ";
            case lt -> " < ";
            default -> " <= ";
        };
        return e + sign + hql.param(value(c.field(), raw));
    }

    private Object value(String name, Object v) {
        Class<?> type = types.get(name);
        if (v instanceof Number n && (type == Long.class || type == Double.class)) {
            return type == Long.class ? (Object) n.longValue() : (Object) n.doubleValue();
        }
        Object converted = Values.convert(name, type, v);
        if (converted == null) {
            throw new QueryException(name, "having compares with a value, not null");
        }
        return converted;
    }
}
