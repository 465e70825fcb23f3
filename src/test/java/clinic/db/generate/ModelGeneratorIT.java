package clinic.db.generate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * model:generate's code compiles and passes its own test in a copy of the project, and the migration tests still
 * pass there with the new changeset. A nested Maven build of a few minutes: a failsafe IT, not a unit test.
 */
class ModelGeneratorIT {

    private static final String TESTS = "NurseResourceTest,Migration*Test,MigrateToTest,SingleSeederTest";

    @TempDir
    Path project;

    @Test
    void shouldGenerateAModelThatCompilesAndPassesItsOwnTest() throws Exception {
        GeneratedProject.copyProject(project);
        new ModelGenerator(project, project.resolve(GeneratedProject.CHANGELOG), new PrintStream(System.out))
                .generate("Nurse", "name:string,notes:text,shift:enum:{day,night},wardNumber:integer,badge:bigint,"
                        + "active:boolean,hiredAt:date,bornOn:dateonly,rate:decimal");

        Path log = project.resolve("build.log");
        Process build = new ProcessBuilder(project.resolve("mvnw").toString(), "-o", "-B", "test", "-Dtest=" + TESTS)
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(build.waitFor(20, TimeUnit.MINUTES), "the copy's build finished");

        String output = Files.readString(log);
        assertEquals(0, build.exitValue(), output.substring(Math.max(0, output.length() - 6000)));
        assertTrue(output.contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed")
                && output.contains("in clinic.nurse.NurseResourceTest"), output);
        assertTrue(output.contains("in clinic.db.MigrationStatusTest"), output);
    }
}
