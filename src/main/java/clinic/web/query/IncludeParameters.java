package clinic.web.query;

import clinic.model.FindOptions;
import clinic.model.Include;
import clinic.model.ModelInfo;
import clinic.model.QueryException;
import clinic.model.Where;
import clinic.web.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sequelize's include objects as Express's {@code qs} parses them: {@code include[0][association]=appointments
 * &include[0][where][status]=booked&include[0][limit]=5&include[0][include][0][association]=patient}. Collected per
 * node, then checked level by level against the models, so a 400 names the parameter at fault.
 */
public final class IncludeParameters {

    private static final Pattern KEY = Pattern.compile(
            "include((?:\\[\\d{1,2}]\\[include])*)\\[(\\d{1,2})]\\[(association|where|required|attributes|paranoid"
                    + "|order|limit)](.*)");
    private static final Pattern WHERE = Pattern.compile("\\[([^\\[\\]]+)](?:\\[([^\\[\\]]+)])?");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d{1,2})]");

    /** One include object: its options by name, and its where conditions by parameter. */
    private record Node(Map<String, String[]> options, Map<String, String[]> where) {
    }

    /** Nodes by their index path ("0", "0/1"), in order. */
    private final Map<String, Node> nodes = new TreeMap<>();

    public static boolean accepts(String key) {
        return key.startsWith("include[");
    }

    void add(String key, String value) {
        Matcher m = KEY.matcher(key);
        if (!m.matches()) {
            throw ProblemException.badRequest(key, "an include object takes [association], [where][f][op], "
                    + "[required], [attributes], [paranoid], [order], [limit] and [include][i][…]");
        }
        StringBuilder path = new StringBuilder();
        Matcher index = INDEX.matcher(m.group(1));
        while (index.find()) {
            path.append(index.group(1)).append('/');
        }
        Node node = nodes.computeIfAbsent(path.append(m.group(2)).toString(),
                p -> new Node(new TreeMap<>(), new TreeMap<>()));
        if (m.group(3).equals("where")) {
            if (!WHERE.matcher(m.group(4)).matches()) {
                throw ProblemException.badRequest(key, "an include's where is [where][field] or [where][field][op]");
            }
            node.where.put(key, new String[]{m.group(4), value});
        } else if (!m.group(4).isEmpty()) {
            throw ProblemException.badRequest(key, "unknown include option '" + m.group(3) + m.group(4) + "'");
        } else {
            node.options.put(m.group(3), new String[]{key, value});
        }
    }

    /** The include trees, checked against {@code model} and its associations' models. */
    List<Include> resolve(ModelInfo model) {
        return level(model, "");
    }

    private List<Include> level(ModelInfo model, String prefix) {
        List<Include> level = new ArrayList<>();
        nodes.forEach((path, node) -> {
            if (path.startsWith(prefix) && !path.substring(prefix.length()).contains("/")) {
                level.add(include(model, path, node));
            }
        });
        return level;
    }

    private Include include(ModelInfo model, String path, Node node) {
        String[] association = node.options.get("association");
        if (association == null) {
            throw ProblemException.badRequest("include", "include object " + path + " has no [association]");
        }
        ModelInfo target;
        try {
            target = ModelInfo.of(model.association(association[1]).target());
        } catch (QueryException e) {
            throw ProblemException.badRequest(association[0], e.getMessage());
        }
        Include inc = Include.assoc(association[1]);
        Where where = Where.where();
        node.where.forEach((key, fieldAndValue) -> {
            Matcher w = WHERE.matcher(fieldAndValue[0]);
            w.matches();
            where.and(QueryString.condition(target, key, w.group(1), w.group(2), List.of(fieldAndValue[1])));
        });
        if (!where.isEmpty()) {
            inc.where(where);
        }
        node.options.forEach((name, keyAndValue) -> option(target, inc, name, keyAndValue[0], keyAndValue[1]));
        inc.include.addAll(level(target, path + "/"));
        return inc;
    }

    private static void option(ModelInfo target, Include inc, String name, String key, String value) {
        try {
            switch (name) {
                case "required" -> inc.required(QueryString.bool(key, value).equals("true"));
                case "paranoid" -> inc.paranoid(QueryString.bool(key, value).equals("true"));
                case "limit" -> inc.limit(QueryString.integer(key, value, 1, QueryString.MAX_LIMIT));
                case "attributes" -> {
                    for (String field : value.split(",")) {
                        target.attribute(field.trim());
                        inc.attributes(field.trim());
                    }
                }
                case "order" -> {
                    for (FindOptions.Order o : QueryString.orders(value)) {
                        target.attribute(o.field());
                        inc.order(o.field(), o.direction());
                    }
                }
                default -> { }
            }
        } catch (QueryException e) {
            throw ProblemException.badRequest(key, e.getMessage());
        }
    }
}
