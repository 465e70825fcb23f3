package clinic.db.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** A copy of this project's sources (or of its changelog only) for the generators to write into. */
final class GeneratedProject {

    static final Path CHANGELOG = Path.of("src/main/resources/db/changelog");

    private GeneratedProject() {
    }

    /** The changelog folder, copied under the project given, as the generators see it. */
    static Path copyChangelog(Path project) throws IOException {
        copy(CHANGELOG, project.resolve(CHANGELOG));
        return project.resolve(CHANGELOG);
    }

    /** The number the next generated migration gets: one after the highest in this project's changelog. */
    static String nextMigration() {
        try (Stream<Path> files = Files.list(CHANGELOG)) {
            int last = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("[0-9]{3}-.*"))
                    .mapToInt(n -> Integer.parseInt(n.substring(0, 3))).max().orElse(0);
            return String.format("%03d", last + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything a build needs: pom, wrapper and sources, never target/. */
    static void copyProject(Path project) throws IOException {
        for (String entry : new String[] {"pom.xml", "mvnw", ".mvn", "src"}) {
            copy(Path.of(entry), project.resolve(entry));
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(f -> {
                try {
                    Files.copy(f, to.resolve(from.relativize(f).toString()),
                            StandardCopyOption.COPY_ATTRIBUTES);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
