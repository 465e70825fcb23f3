package clinic.db.generate;

import clinic.db.UsageException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One attribute of model:generate's {@code --attributes}, as sequelize-cli spells it: {@code ward:string} or
 * {@code shift:enum:{day,night}}; the Java field, the column and the validation its type implies.
 */
record Attribute(String name, Type type, List<String> values) {

    /** sequelize-cli's attribute types: the Java type, the column type and two example JSON values. */
    enum Type {
        string("String", "varchar(255)", "\"%s 1\"", "\"%s 2\""),
        text("String", "text", "\"%s 1\"", "\"%s 2\""),
        integer("Integer", "int", "1", "2"),
        bigint("Long", "bigint", "1", "2"),
        booleanType("Boolean", "boolean", "true", "false"),
        date("Instant", "timestamptz", "\"2026-01-05T10:15:30Z\"", "\"2026-02-06T11:16:31Z\""),
        dateonly("LocalDate", "date", "\"2026-01-05\"", "\"2026-02-06\""),
        decimal("BigDecimal", "\"numeric(12,2)\"", "12.5", "13.25"),
        enumType(null, "varchar(32)", null, null);

        final String java;
        final String column;
        final String first;
        final String second;

        Type(String java, String column, String first, String second) {
            this.java = java;
            this.column = column;
            this.first = first;
            this.second = second;
        }

        String spelled() {
            return name().replace("Type", "");
        }

        static Type of(String spelled) {
            for (Type t : values()) {
                if (t.spelled().equals(spelled)) {
                    return t;
                }
            }
            throw new UsageException("unknown attribute type '" + spelled + "'; types: string, text, integer, "
                    + "bigint, boolean, date, dateonly, decimal, enum:{a,b}");
        }
    }

    private static final Pattern ONE = Pattern.compile("([^:]*):([a-z]+)(?::\\{([^}]*)})?");
    private static final Pattern FIELD = Pattern.compile("[a-z][A-Za-z0-9]*");
    /** Model's own attributes, Panache's, Java's and SQL's words: never a generated field. */
    private static final Set<String> TAKEN = Set.of("id", "createdAt", "updatedAt", "deletedAt", "version",
            "persistent", "included", "abstract", "boolean", "case", "class", "default", "do", "double", "enum",
            "final", "float", "for", "if", "int", "long", "new", "package", "private", "public", "return", "short",
            "static", "switch", "this", "throw", "try", "void", "while", "order", "user", "group", "select", "from",
            "where", "table", "check", "column", "limit", "offset", "end", "when", "references");

    static List<Attribute> parse(String attributes) {
        List<Attribute> parsed = new ArrayList<>();
        // Commas separate attributes, except inside an enum's braces.
        for (String one : attributes.split(",(?![^{]*})")) {
            Matcher m = ONE.matcher(one.trim());
            if (!m.matches()) {
                throw new UsageException("attribute '" + one + "' is not name:type or name:enum:{a,b}");
            }
            String name = m.group(1);
            if (!FIELD.matcher(name).matches() || TAKEN.contains(name)) {
                throw new UsageException("attribute name '" + name + "' is not a lowerCamelCase identifier of its own");
            }
            if (parsed.stream().anyMatch(a -> a.name.equals(name))) {
                throw new UsageException("attribute '" + name + "' given twice");
            }
            Type type = Type.of(m.group(2));
            List<String> values = m.group(3) == null ? List.of() : List.of(m.group(3).split(","));
            if ((type == Type.enumType) != (m.group(3) != null)
                    || values.stream().anyMatch(v -> !FIELD.matcher(v).matches() || TAKEN.contains(v))) {
                throw new UsageException("attribute '" + one + "': only enum takes values, lowerCamelCase, "
                        + "like shift:enum:{day,night}");
            }
            parsed.add(new Attribute(name, type, values));
        }
        return parsed;
    }

    /** The Java type: an enum nested in the model, named after the attribute. */
    String javaType() {
        return type == Type.enumType ? Character.toUpperCase(name.charAt(0)) + name.substring(1) : type.java;
    }

    String column() {
        return name.replaceAll("([A-Z])", "_$1").toLowerCase();
    }

    /** An example value as JSON, the first or the second (for an update). */
    String example(boolean first) {
        if (type == Type.enumType) {
            return "\"" + values.get(first || values.size() == 1 ? 0 : 1) + "\"";
        }
        return (first ? type.first : type.second).formatted(name);
    }

    /** The example as RestAssured reads it back: JSON numbers with a fraction come back as floats. */
    String readBack(boolean first) {
        return example(first) + (type == Type.decimal ? "f" : "");
    }
}
