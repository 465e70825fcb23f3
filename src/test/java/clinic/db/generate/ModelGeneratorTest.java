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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * model:generate's files, as text: a model package like doctor/, its migration numbered after the last. That they
 * compile and pass their own test is ModelGeneratorIT's part; that the migration applies, GeneratedMigrationTest's.
 */
class ModelGeneratorTest {

    /** The number this project's next migration gets (today's last plus one). */
    private static final String NEXT = GeneratedProject.nextMigration();

    private final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @TempDir
    Path project;

    @Test
    void shouldWriteTheModelItsPolicyResourceTestAndMigration() throws IOException {
        Path changelog = GeneratedProject.copyChangelog(project);

        new ModelGenerator(project, changelog, out).generate("Nurse", "name:string,ward:string,shift:enum:{day,night}");

        String entity = read("src/main/java/clinic/nurse/Nurse.java");
        assertTrue(entity.contains("@Table(name = \"nurses\")\n@Schema(name = \"Nurse\")\npublic class Nurse extends Model"));
        assertTrue(entity.contains("    @Size(max = 255)\n    public String ward;\n"), entity);
        assertTrue(entity.contains("    public enum Shift { day, night }\n"), entity);
        assertTrue(entity.contains("    @Enumerated(EnumType.STRING)\n    public Shift shift;\n"), entity);
        assertTrue(entity.contains("public static Result<Nurse> findAndCountAll(Option... options)"), entity);
        String access = read("src/main/java/clinic/nurse/NurseAccess.java");
        assertTrue(access.contains("Grant.everything(admin),\n                Grant.everything(clerk));"), access);
        String resource = read("src/main/java/clinic/nurse/NurseResource.java");
        assertTrue(resource.contains("@Authenticated\n@Path(\"/nurses\")"), resource);
        String test = read("src/test/java/clinic/nurse/NurseResourceTest.java");
        assertTrue(test.contains("import static clinic.Api.given;"), test);
        assertTrue(test.contains("{\"name\": \"name 1\", \"ward\": \"ward 1\", \"shift\": \"day\"}"), test);
        String migration = Files.readString(changelog.resolve(NEXT + "-nurses.yaml"));
        assertTrue(migration.contains("CONSTRAINT nurses_shift_check CHECK (shift IN ('day', 'night'))"), migration);
        assertTrue(Files.readString(changelog.resolve(Changesets.MASTER)).contains("{file: " + NEXT + "-nurses.yaml,"));
    }

    @Test
    void shouldNameTablesPathsAndColumnsAsSequelizeDoes() throws IOException {
        Path changelog = GeneratedProject.copyChangelog(project);

        new ModelGenerator(project, changelog, out).generate("wardRound", "startsAt:date,bedCount:integer");

        String entity = read("src/main/java/clinic/wardround/WardRound.java");
        assertTrue(entity.contains("@Table(name = \"ward_rounds\")"), entity);
        assertTrue(entity.contains("    @Column(name = \"starts_at\")\n    public Instant startsAt;\n"), entity);
        assertTrue(read("src/main/java/clinic/wardround/WardRoundResource.java").contains("@Path(\"/ward-rounds\")"));
        assertTrue(Files.exists(changelog.resolve(NEXT + "-ward-rounds.yaml")));
        assertEquals("companies", ModelTexts.plural("company"));
        assertEquals("boxes", ModelTexts.plural("box"));
        assertEquals("days", ModelTexts.plural("day"));
    }

    @Test
    void shouldRefuseBadNamesAttributesAndAModelThatExists() throws IOException {
        Path changelog = GeneratedProject.copyChangelog(project);
        ModelGenerator generator = new ModelGenerator(project, changelog, out);
        String[][] bad = {{"Nurse-1", "a:string"}, {"Nurse", "a:varchar"}, {"Nurse", "a"}, {"Nurse", "Ward:string"},
            {"Nurse", "id:string"}, {"Nurse", "class:string"}, {"Nurse", "a:string,a:text"}, {"Nurse", "a:enum"},
            {"Nurse", "a:string:{x}"}, {"Nurse", "a:enum:{Day,x y}"}};
        for (String[] args : bad) {
            assertThrows(UsageException.class, () -> generator.generate(args[0], args[1]), String.join(" ", args));
        }
        assertFalse(Files.exists(project.resolve("src/main/java")));

        generator.generate("Nurse", "name:string");
        UsageException exists = assertThrows(UsageException.class, () -> generator.generate("nurse", "name:string"));
        assertTrue(exists.getMessage().contains("clinic.nurse exists already"), exists.getMessage());
    }

    private String read(String file) throws IOException {
        return Files.readString(project.resolve(file));
    }
}
