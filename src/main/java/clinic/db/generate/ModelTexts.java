package clinic.db.generate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static clinic.db.generate.ModelGenerator.joined;

/** What model:generate's templates are filled with, from the model's name and attributes. */
final class ModelTexts {

    private ModelTexts() {
    }

    static Map<String, String> values(String model, String pkg, List<Attribute> attrs) {
        String models = plural(model);
        String words = model.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
        Map<String, String> v = new HashMap<>();
        v.put("Model", model);
        v.put("Models", models);
        v.put("model", Character.toLowerCase(model.charAt(0)) + model.substring(1));
        v.put("package", pkg);
        v.put("title", words);
        v.put("titles", plural(words));
        v.put("table", plural(words).replace(' ', '_'));
        v.put("path", plural(words).replace(' ', '-'));
        v.put("order", "\"id\", " + joined(attrs, a -> "\"" + a.name() + "\", ")
                + "\"createdAt\", \"updatedAt\", \"deletedAt\", \"version\"");
        v.put("imports", imports(attrs));
        v.put("enums", joined(attrs, a -> a.type() != Attribute.Type.enumType ? ""
                : "\n    public enum " + a.javaType() + " { " + String.join(", ", a.values()) + " }\n"));
        v.put("fields", joined(attrs, ModelTexts::field));
        v.put("example", json(attrs, true));
        v.put("change", json(attrs, false));
        v.put("readFirst", joined(attrs, a -> read(a, true)));
        v.put("readSecond", joined(attrs, a -> read(a, false)));
        v.put("columns", joined(attrs, a -> "              - column: {name: " + a.column() + ", type: "
                + a.type().column + "}\n"));
        v.put("checks", joined(attrs, a -> a.type() != Attribute.Type.enumType ? ""
                : "        - sql: ALTER TABLE " + v.get("table") + " ADD CONSTRAINT " + v.get("table") + "_"
                + a.column() + "_check CHECK (" + a.column() + " IN (" + a.values().stream()
                .map(s -> "'" + s + "'").collect(Collectors.joining(", ")) + "))\n"));
        return v;
    }

    /** English plurals of the last word, as Sequelize pluralises table names: nurses, wards, boxes, companies. */
    static String plural(String word) {
        if (word.matches(".*(s|x|z|ch|sh)")) {
            return word + "es";
        }
        return word.matches(".*[^aeiou]y") ? word.substring(0, word.length() - 1) + "ies" : word + "s";
    }

    private static String field(Attribute a) {
        StringBuilder f = new StringBuilder("\n");
        switch (a.type()) {
            case string -> f.append("    @Size(max = 255)\n");
            case decimal -> f.append("    @Digits(integer = 10, fraction = 2)\n");
            case enumType -> f.append("    @Enumerated(EnumType.STRING)\n");
            default -> { }
        }
        if (!a.column().equals(a.name())) {
            f.append("    @Column(name = \"").append(a.column()).append("\")\n");
        }
        return f.append("    public ").append(a.javaType()).append(' ').append(a.name()).append(";\n").toString();
    }

    private static String imports(List<Attribute> attrs) {
        TreeSet<String> imports = new TreeSet<>(List.of("clinic.model.FindOptions.Option", "clinic.model.Finder",
                "clinic.model.Model", "clinic.model.ModelWrites", "clinic.model.Result", "clinic.model.Where",
                "com.fasterxml.jackson.annotation.JsonPropertyOrder", "jakarta.persistence.Entity",
                "jakarta.persistence.Table", "org.eclipse.microprofile.openapi.annotations.media.Schema",
                "java.util.List", "java.util.Map", "java.util.Optional", "java.util.function.Supplier"));
        for (Attribute a : attrs) {
            switch (a.type()) {
                case string -> imports.add("jakarta.validation.constraints.Size");
                case decimal -> imports.addAll(List.of("jakarta.validation.constraints.Digits", "java.math.BigDecimal"));
                case enumType -> imports.addAll(List.of("jakarta.persistence.EnumType", "jakarta.persistence.Enumerated"));
                case date -> imports.add("java.time.Instant");
                case dateonly -> imports.add("java.time.LocalDate");
                default -> { }
            }
            if (!a.column().equals(a.name())) {
                imports.add("jakarta.persistence.Column");
            }
        }
        String others = imports.stream().filter(i -> !i.startsWith("java.")).map(i -> "import " + i + ";\n")
                .collect(Collectors.joining());
        String java = imports.stream().filter(i -> i.startsWith("java.")).map(i -> "import " + i + ";\n")
                .collect(Collectors.joining());
        return others + "\n" + java.stripTrailing();
    }

    private static String json(List<Attribute> attrs, boolean first) {
        return attrs.stream().map(a -> "\"" + a.name() + "\": " + a.example(first))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String read(Attribute a, boolean first) {
        return "\n                .body(\"" + a.name() + "\", equalTo(" + a.readBack(first) + "))";
    }
}
