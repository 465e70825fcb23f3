package clinic.db.generate;

import clinic.db.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** migration:generate and seed:generate: numbered after the last file of their folder, included in order. */
class ChangesetsTest {

    /** The number this project's next migration gets (today's last plus one). */
    private static final String NEXT = GeneratedProject.nextMigration();

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @TempDir
    Path project;

    @Test
    void shouldNumberAMigrationAfterTheLastAndIncludeItBeforeTheSeeders() throws IOException {
        Path changelog = GeneratedProject.copyChangelog(project);
        List<String> before = Files.readAllLines(changelog.resolve(Changesets.MASTER));

        Changesets.migration(changelog, "add-doctor-room", out);

        String last = before.stream().filter(l -> l.contains("{file: 0")).reduce((a, b) -> b).orElseThrow();
        List<String> after = Files.readAllLines(changelog.resolve(Changesets.MASTER));
        assertEquals("  - include: {file: " + NEXT + "-add-doctor-room.yaml, relativeToChangelogFile: true}",
                after.get(after.indexOf(last) + 1));
        assertTrue(after.get(after.size() - 1).contains("seed/001-clinic.yaml"), after::toString);
        String file = Files.readString(changelog.resolve(NEXT + "-add-doctor-room.yaml"));
        assertTrue(file.contains("id: add-doctor-room"), file);
        assertTrue(file.contains("RAISE EXCEPTION '" + NEXT
                + "-add-doctor-room.yaml: write its changes, then its rollback'"));
        assertTrue(file.contains("RAISE EXCEPTION '" + NEXT + "-add-doctor-room.yaml: write its rollback'"));
        assertTrue(output.toString(StandardCharsets.UTF_8).startsWith("New migration was created at "));
    }

    @Test
    void shouldNumberASeederAfterTheLastSeederAndIncludeItLast() throws IOException {
        Path changelog = GeneratedProject.copyChangelog(project);

        Changesets.seeder(changelog, "more-patients", out);
        Changesets.migration(changelog, "add-doctor-room", out);

        List<String> master = Files.readAllLines(changelog.resolve(Changesets.MASTER));
        assertEquals("  - include: {file: seed/002-more-patients.yaml, relativeToChangelogFile: true}",
                master.get(master.size() - 1));
        assertTrue(master.indexOf("  - include: {file: " + NEXT
                + "-add-doctor-room.yaml, relativeToChangelogFile: true}")
                < master.indexOf("  - include: {file: seed/001-clinic.yaml, relativeToChangelogFile: true}"));
        String seeder = Files.readString(changelog.resolve("seed/002-more-patients.yaml"));
        assertTrue(seeder.contains("id: seed-more-patients\n      author: clinic\n      context: seed\n"), seeder);
    }

    @Test
    void shouldRefuseANameThatIsNotKebabCase() throws IOException {
        Path changelog = GeneratedProject.copyChangelog(project);
        for (String name : List.of("AddRoom", "add_room", "add room", "-room", "../room")) {
            assertThrows(UsageException.class, () -> Changesets.migration(changelog, name, out), name);
        }
        try (var files = Files.list(changelog)) {
            assertEquals(0, files.filter(f -> f.getFileName().toString().startsWith(NEXT)).count());
        }
    }
}
