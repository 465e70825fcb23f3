package clinic.tried;

import clinic.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Postman collection, run by newman against this test instance: every pm.test assertion must hold. */
@QuarkusTest
class PostmanCollectionTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldPassEveryAssertionOfThePostmanCollection() throws Exception {
        String baseUrl = root.toString().replaceAll("/+$", "");
        Process newman = new ProcessBuilder(List.of(Tools.requireNewman().toString(), "run",
                "postman/clinic.postman_collection.json", "-e", "postman/clinic.postman_environment.json",
                "--env-var", "baseUrl=" + baseUrl, "--env-var", "token=" + Tokens.admin(), "--color", "off", "--disable-unicode",
                "--reporters", "cli,junit", "--reporter-junit-export", "target/newman/clinic.xml"))
                .redirectErrorStream(true).start();
        // newman's own summary goes to the build output, line by line, so CI shows what failed.
        Thread echo = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(newman.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(System.out::println);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        echo.start();
        boolean finished = newman.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            newman.destroyForcibly();
        }
        echo.join(10_000);
        assertTrue(finished, "newman did not finish within 5 minutes");
        assertEquals(0, newman.exitValue(), "newman reported failures: see its summary above");
    }
}
