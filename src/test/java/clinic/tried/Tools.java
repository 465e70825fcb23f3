package clinic.tried;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The programs these tests drive from outside the JVM. A missing one is installed first (newman from the
 * committed lock files; Debian's chromium, chromedriver and haproxy when we may run apt-get), so `./mvnw verify` needs no
 * set-up by hand. If that cannot work the test is skipped with the command to run, except under
 * {@code CLINIC_REQUIRE_TOOLS=1} (set by .ci/run), where it fails.
 */
public final class Tools {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path NEWMAN = Path.of("postman/node_modules/.bin/newman");
    static final Path SPECTRAL = Path.of("openapi/node_modules/.bin/spectral");
    static final Path REDOCLY = Path.of("openapi/node_modules/.bin/redocly");
    static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

    private static final List<String> APT_INSTALL = List.of("apt-get", "install", "-y", "-qq", "chromium", "chromium-driver");

    private Tools() {
    }

    static synchronized void requireBrowser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            if ("root".equals(System.getProperty("user.name")) && new File("/usr/bin/apt-get").canExecute()) {
                install(List.of("apt-get", "update", "-qq"));
                install(APT_INSTALL);
            }
        }
        require(CHROMIUM, String.join(" ", APT_INSTALL));
        require(CHROMEDRIVER, String.join(" ", APT_INSTALL));
    }

    /** Debian's haproxy, the load balancer of web/LoadBalancerIT. */
    public static synchronized Path requireHaproxy() {
        if (!Files.isExecutable(HAPROXY) && "root".equals(System.getProperty("user.name"))
                && new File("/usr/bin/apt-get").canExecute()) {
            install(List.of("apt-get", "update", "-qq"));
            install(List.of("apt-get", "install", "-y", "-qq", "haproxy"));
        }
        return require(HAPROXY, "apt-get install -y haproxy");
    }

    static synchronized Path requireNewman() {
        if (!Files.isExecutable(NEWMAN)) {
            install(List.of("npm", "ci", "--prefix", "postman", "--no-audit", "--no-fund"));
        }
        return require(NEWMAN, "npm ci --prefix postman");
    }

    /** Spectral and Redocly at the versions openapi/package-lock.json pins. */
    static synchronized void requireLinters() {
        if (!Files.isExecutable(SPECTRAL) || !Files.isExecutable(REDOCLY)) {
            install(List.of("npm", "ci", "--prefix", "openapi", "--no-audit", "--no-fund"));
        }
        require(SPECTRAL, "npm ci --prefix openapi");
        require(REDOCLY, "npm ci --prefix openapi");
    }

    private static void install(List<String> command) {
        try {
            // Never inheritIO: the test JVM's stdout is surefire's channel to Maven.
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/tools-install.log"))).start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
        } catch (Exception e) {
            System.out.println(String.join(" ", command) + " could not run: " + e.getMessage());
        }
    }

    private static Path require(Path program, String install) {
        if (!Files.isExecutable(program)) {
            String message = program + " is missing and could not be installed: run .ci/run, or `" + install + "`";
            if ("1".equals(System.getenv("CLINIC_REQUIRE_TOOLS"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        return program;
    }
}
