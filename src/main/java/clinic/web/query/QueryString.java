package clinic.web.query;

import clinic.model.FindOptions;
import clinic.model.Include;
import clinic.model.ModelInfo;
import clinic.model.Op;
import clinic.model.Operand;
import clinic.model.QueryException;
import clinic.model.Scopes;
import clinic.model.Where;
import clinic.web.json.Texts;
import clinic.web.problem.ProblemException;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sequelize's find options from a query string, with brackets as Express's {@code qs} parses them:
 * {@code where[f][op]=v}, {@code where[or][i][f][op]=v}, {@code include}, {@code order}, {@code limit},
 * {@code offset}, {@code attributes}, {@code paranoid}. Every part is checked against the model here, so a
 * 400 names the parameter at fault.
 */
public final class QueryString {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;
    public static final int MAX_CONDITIONS = 50;
    public static final int MAX_INCLUDE_DEPTH = 3;
    public static final int MAX_LENGTH = 8192;
    static final List<String> PARAMETERS = List.of("where[…]", "include", "include[i][…]", "order", "limit",
            "offset", "attributes", "paranoid", "scope");

    static final List<String> ROW_PARAMETERS = List.of("include", "attributes", "paranoid");

    private static final Pattern WHERE = Pattern.compile("where\\[([^\\[\\]]+)](?:\\[([^\\[\\]]+)])?(?:\\[])?");
    private static final Pattern WHERE_OR =
            Pattern.compile("where\\[or]\\[(\\d{1,2})]\\[([^\\[\\]]+)](?:\\[([^\\[\\]]+)])?(?:\\[])?");

    private QueryString() {
    }

    public static FindOptions parse(ModelInfo model, MultivaluedMap<String, String> params, String rawQuery) {
        if (rawQuery != null && rawQuery.length() > MAX_LENGTH) {
            throw ProblemException.badRequest("query", "the query string is longer than " + MAX_LENGTH / 1024
                    + " KiB (" + MAX_LENGTH + " bytes)");
        }
        FindOptions options = new FindOptions();
        options.limit = DEFAULT_LIMIT;
        Map<Integer, Where> orGroups = new TreeMap<>();
        IncludeParameters includes = new IncludeParameters();
        // sorted, so the same filters give the same SQL text whatever their order: one prepared statement
        for (Map.Entry<String, List<String>> e : new TreeMap<>(params).entrySet()) {
            String key = e.getKey();
            if (!Texts.storable(key) || !e.getValue().stream().allMatch(Texts::storable)) {
                throw ProblemException.badRequest(key, "query parameters " + Texts.RULE);
            }
            Matcher or = WHERE_OR.matcher(key);
            Matcher where = WHERE.matcher(key);
            if (or.matches()) {
                Where group = orGroups.computeIfAbsent(Integer.valueOf(or.group(1)), i -> Where.where());
                group.and(condition(model, key, or.group(2), or.group(3), e.getValue()));
            } else if (where.matches() && !"or".equals(where.group(1))) {
                options.where.and(condition(model, key, where.group(1), where.group(2), e.getValue()));
            } else if (IncludeParameters.accepts(key)) {
                includes.add(key, single(key, e.getValue()));
            } else {
                option(model, options, key, single(key, e.getValue()));
            }
        }
        if (!orGroups.isEmpty()) {
            options.where.orAny(new ArrayList<>(orGroups.values()));
        }
        options.include.addAll(includes.resolve(model));
        try {
            checkIncludes(model, options.include, 1);
        } catch (QueryException e) {
            throw ProblemException.badRequest("include", e.getMessage());
        }
        if (options.where.size() > MAX_CONDITIONS) {
            throw ProblemException.badRequest("where", "at most " + MAX_CONDITIONS + " where conditions");
        }
        return options;
    }

    /** A single row takes include, attributes and paranoid; page and filter options would be ignored, so 400. */
    public static FindOptions parseForRow(ModelInfo model, MultivaluedMap<String, String> params, String rawQuery) {
        for (String key : params.keySet()) {
            if (!ROW_PARAMETERS.contains(key) && !IncludeParameters.accepts(key)) {
                throw ProblemException.badRequest(key, "unknown query parameter '" + key + "' for a single row; allowed: "
                        + String.join(", ", ROW_PARAMETERS));
            }
        }
        return parse(model, params, rawQuery);
    }

    static Where condition(ModelInfo model, String param, String field, String opName, List<String> values) {
        Op op = Op.eq;
        if (opName != null) {
            try {
                op = Op.valueOf(opName);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest(param, "unknown operator '" + opName + "'; allowed: "
                        + Arrays.toString(Op.values()));
            }
        }
        boolean list = op == Op.in || op == Op.notIn || op == Op.between || op == Op.notBetween;
        Object value = list ? splitAll(values) : single(param, values);
        Where w = Where.where(field, new Operand(op, value));
        try {
            model.check(w);
        } catch (QueryException e) {
            throw ProblemException.badRequest(param, e.getMessage());
        }
        return w;
    }

    private static void option(ModelInfo model, FindOptions options, String key, String value) {
        try {
            switch (key) {
                case "include" -> include(model, options, value);
                case "order" -> order(model, options, value);
                case "limit" -> options.limit = integer(key, value, 1, MAX_LIMIT);
                case "offset" -> options.offset = integer(key, value, 0, Integer.MAX_VALUE);
                case "attributes" -> attributes(model, options, value);
                case "paranoid" -> options.paranoid = !"false".equals(bool(key, value));
                case "scope" -> scopes(model, options, value);
                default -> throw ProblemException.badRequest(key, "unknown query parameter '" + key
                        + "'; allowed: " + String.join(", ", PARAMETERS));
            }
        } catch (QueryException e) {
            throw ProblemException.badRequest(key, e.getMessage());
        }
    }

    private static void include(ModelInfo model, FindOptions options, String value) {
        for (String path : value.split(",")) {
            FindOptions.include(path.trim()).applyTo(options);
        }
        checkIncludes(model, options.include, 1);
    }

    private static void checkIncludes(ModelInfo model, List<Include> includes, int depth) {
        for (Include inc : includes) {
            if (depth > MAX_INCLUDE_DEPTH) {
                throw new QueryException("include", "includes nest at most " + MAX_INCLUDE_DEPTH + " levels deep");
            }
            checkIncludes(ModelInfo.of(model.association(inc.association).target()), inc.include, depth + 1);
        }
    }

    /** {@code scope=upcoming,withPeople}: the model's named scopes, checked now so the 400 names them. */
    private static void scopes(ModelInfo model, FindOptions options, String value) {
        for (String name : value.split(",")) {
            if (!Scopes.names(model.type).contains(name.trim())) {
                throw new QueryException("scope", "unknown scope '" + name.trim() + "' of " + model.name
                        + "; allowed: " + String.join(", ", Scopes.names(model.type)));
            }
            options.scope.add(name.trim());
        }
    }

    /** {@code order=date:desc,patient.name}: attributes, or a to-one include's attribute. */
    private static void order(ModelInfo model, FindOptions options, String value) {
        for (FindOptions.Order o : orders(value)) {
            int dot = o.field().indexOf('.');
            if (dot < 0) {
                model.attribute(o.field());
            } else {
                var a = model.association(o.field().substring(0, dot));
                if (a.toMany()) {
                    throw new QueryException("order", "order by a field of a to-one include only, not of " + a.name());
                }
                ModelInfo.of(a.target()).attribute(o.field().substring(dot + 1));
            }
            options.order.add(o);
        }
    }

    /** {@code f[:dir],…} or {@code -f}: the orders as written, fields not yet checked. */
    static List<FindOptions.Order> orders(String value) {
        List<FindOptions.Order> orders = new ArrayList<>();
        for (String part : value.split(",")) {
            String spec = part.trim();
            FindOptions.Direction dir = FindOptions.Direction.ASC;
            if (spec.startsWith("-")) {
                spec = spec.substring(1);
                dir = FindOptions.Direction.DESC;
            } else if (spec.contains(":")) {
                String d = spec.substring(spec.indexOf(':') + 1).toLowerCase();
                spec = spec.substring(0, spec.indexOf(':'));
                if (!d.equals("asc") && !d.equals("desc")) {
                    throw new QueryException("order", "direction '" + d + "' is not asc or desc");
                }
                dir = d.equals("desc") ? FindOptions.Direction.DESC : FindOptions.Direction.ASC;
            }
            orders.add(new FindOptions.Order(spec, dir));
        }
        return orders;
    }

    private static void attributes(ModelInfo model, FindOptions options, String value) {
        for (String field : value.split(",")) {
            model.attribute(field.trim());
            options.attributes.add(field.trim());
        }
    }

    static int integer(String key, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message below
        }
        throw new QueryException(key, key + " must be an integer from " + min + " to " + max);
    }

    static String bool(String key, String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new QueryException(key, key + " must be true or false");
        }
        return value;
    }

    private static String single(String key, List<String> values) {
        if (values.size() != 1) {
            throw ProblemException.badRequest(key, "'" + key + "' is given more than once");
        }
        return values.get(0);
    }

    private static List<String> splitAll(List<String> values) {
        List<String> all = new ArrayList<>();
        values.forEach(v -> all.addAll(Arrays.asList(v.split(",", -1))));
        return all;
    }
}
