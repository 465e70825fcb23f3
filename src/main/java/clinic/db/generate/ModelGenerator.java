package clinic.db.generate;

import clinic.db.UsageException;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * model:generate: a model's package like doctor/ (the entity with the Sequelize statics, its access policy, its
 * resource over {@code Crud}), its migration, and a test that creates, reads, updates and deletes one.
 */
public final class ModelGenerator {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    private final Path project;
    private final Path changelog;
    private final PrintStream out;

    public ModelGenerator(Path project, Path changelog, PrintStream out) {
        this.project = project;
        this.changelog = changelog;
        this.out = out;
    }

    public void generate(String name, String attributes) throws IOException {
        if (!NAME.matcher(name).matches()) {
            throw new UsageException("--name '" + name + "' is not a Java identifier, like Nurse or WardRound");
        }
        String model = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        List<Attribute> attrs = Attribute.parse(attributes);
        String pkg = model.toLowerCase();
        Path main = project.resolve("src/main/java/clinic").resolve(pkg);
        Path test = project.resolve("src/test/java/clinic").resolve(pkg);
        if (Files.exists(main) || Files.exists(test)) {
            throw new UsageException("clinic." + pkg + " exists already; pick another --name");
        }
        Map<String, String> values = ModelTexts.values(model, pkg, attrs);
        Files.createDirectories(main);
        Files.createDirectories(test);
        write(main.resolve(model + ".java"), "Model.java.txt", values);
        write(main.resolve(model + "Access.java"), "ModelAccess.java.txt", values);
        write(main.resolve(model + "Resource.java"), "ModelResource.java.txt", values);
        write(test.resolve(model + "ResourceTest.java"), "ModelResourceTest.java.txt", values);
        String file = Changesets.next(changelog, "", values.get("table").replace('_', '-'));
        Changesets.write(changelog, file, fill("changeset.yaml.txt", values), out);
        out.println("New model was created at " + main + " (entity, access, resource), test at " + test + " .");
    }

    private void write(Path file, String template, Map<String, String> values) throws IOException {
        Files.writeString(file, fill(template, values));
    }

    private static String fill(String template, Map<String, String> values) throws IOException {
        String text;
        try (InputStream in = ModelGenerator.class.getResourceAsStream(template)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (var v : values.entrySet()) {
            text = text.replace("{{" + v.getKey() + "}}", v.getValue());
        }
        return text;
    }

    /** Each attribute's text, one after the other. */
    static String joined(List<Attribute> attrs, Function<Attribute, String> each) {
        return attrs.stream().map(each).collect(Collectors.joining());
    }
}
