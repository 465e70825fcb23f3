package clinic.db.generate;

import clinic.db.UsageException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * migration:generate and seed:generate: a changeset file numbered after the last of its folder, included in the
 * master changelog (migrations after the last migration, seeders at the end, so seeders run on the whole schema).
 */
public final class Changesets {

    static final String MASTER = "db.changelog-master.yaml";
    private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern NUMBERED = Pattern.compile("(\\d{3})-.+\\.yaml");
    private static final Pattern INCLUDE = Pattern.compile("\\s*- include: \\{file: (seed/)?\\d{3}-.*");

    /** Until someone writes them, the changes and the rollback both fail: an unfinished file cannot be applied. */
    private static final String STUB = """
            databaseChangeLog:
              - changeSet:
                  id: %1$s
                  author: clinic%2$s
                  changes:
                    - sql:
                        splitStatements: false
                        sql: >-
                          DO $$ BEGIN RAISE EXCEPTION '%3$s: write its changes, then its rollback'; END $$
                  rollback:
                    - sql:
                        splitStatements: false
                        sql: >-
                          DO $$ BEGIN RAISE EXCEPTION '%3$s: write its rollback'; END $$
            """;

    private Changesets() {
    }

    public static void migration(Path changelog, String name, PrintStream out) throws IOException {
        String file = next(changelog, "", kebab(name));
        write(changelog, file, STUB.formatted(kebab(name), "", file), out);
    }

    public static void seeder(Path changelog, String name, PrintStream out) throws IOException {
        String file = next(changelog, "seed/", kebab(name));
        write(changelog, file, STUB.formatted("seed-" + kebab(name), "\n      context: seed", file), out);
    }

    /** The new migration's file, `008-nurses.yaml`, numbered after the last one. */
    static String next(Path changelog, String folder, String name) throws IOException {
        int last = 0;
        try (Stream<Path> files = Files.list(changelog.resolve(folder.isEmpty() ? "." : folder))) {
            for (Path f : files.toList()) {
                Matcher m = NUMBERED.matcher(f.getFileName().toString());
                if (m.matches()) {
                    last = Math.max(last, Integer.parseInt(m.group(1)));
                }
            }
        }
        return folder + String.format("%03d-%s.yaml", last + 1, name);
    }

    /** Writes the file and includes it in the master changelog after the last include of its kind. */
    static void write(Path changelog, String file, String text, PrintStream out) throws IOException {
        Files.writeString(changelog.resolve(file), text);
        Path master = changelog.resolve(MASTER);
        List<String> lines = new ArrayList<>(Files.readAllLines(master));
        boolean seed = file.startsWith("seed/");
        int at = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = INCLUDE.matcher(lines.get(i));
            if (m.matches() && (m.group(1) != null) == seed) {
                at = i + 1;
            }
        }
        lines.add(at, "  - include: {file: " + file + ", relativeToChangelogFile: true}");
        Files.write(master, lines);
        out.println("New " + (seed ? "seeder" : "migration") + " was created at " + changelog.resolve(file) + " .");
    }

    static String kebab(String name) {
        if (!KEBAB.matcher(name).matches()) {
            throw new UsageException("--name '" + name + "' is not kebab-case, like add-doctor-room");
        }
        return name;
    }
}
