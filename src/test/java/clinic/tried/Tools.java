package clinic.tried;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The programs these tests drive from outside the JVM. Where one is missing the test is skipped with the
 * command that installs it, except under {@code CLINIC_REQUIRE_TOOLS=1} (set by .ci/run), where it fails.
 */
final class Tools {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path NEWMAN = Path.of("postman/node_modules/.bin/newman");

    private Tools() {
    }

    static void requireBrowser() {
        require(CHROMIUM, "apt-get install -y chromium chromium-driver");
        require(CHROMEDRIVER, "apt-get install -y chromium chromium-driver");
    }

    static Path requireNewman() {
        return require(NEWMAN, "npm ci --prefix postman");
    }

    private static Path require(Path program, String install) {
        if (!Files.isExecutable(program)) {
            String message = program + " is missing: run .ci/run, or `" + install + "`";
            if ("1".equals(System.getenv("CLINIC_REQUIRE_TOOLS"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        return program;
    }
}
