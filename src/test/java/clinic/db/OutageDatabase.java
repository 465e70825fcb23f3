package clinic.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL of the outage test's own, which the test can stop and start again under the running service.
 * Its state lives in system properties and files, because Quarkus loads test classes in more than one class loader.
 */
final class OutageDatabase {

    private static final Path DIR = Path.of("target", "embedded-postgres", "outage").toAbsolutePath();

    private OutageDatabase() {
    }

    static synchronized String url() {
        String url = System.getProperty("clinic.outage.url");
        if (url == null) {
            try {
                deleteTree(DIR);
                EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(DIR)
                        .setCleanDataDirectory(false).start();
                url = pg.getJdbcUrl("postgres", "postgres");
                System.setProperty("clinic.outage.port", String.valueOf(pg.getPort()));
                System.setProperty("clinic.outage.bin", Path.of("/proc", String.valueOf(pid()), "exe")
                        .toRealPath().getParent().toString());
                System.setProperty("clinic.outage.url", url);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return url;
    }

    /** A fast shutdown (SIGINT): sessions are cut, as when a database server goes away. */
    static void stop() throws Exception {
        long pid = pid();
        run("kill", "-INT", String.valueOf(pid));
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join());
    }

    static void start() throws Exception {
        String pgCtl = Path.of(System.getProperty("clinic.outage.bin"), "pg_ctl").toString();
        run(pgCtl, "-D", DIR.toString(), "-o", "-p " + System.getProperty("clinic.outage.port") + " -F",
                "-l", DIR.resolve("restart.log").toString(), "-w", "start");
    }

    private static long pid() throws IOException {
        return Long.parseLong(Files.readAllLines(DIR.resolve("postmaster.pid")).get(0).trim());
    }

    /** As zonky does, PostgreSQL's tools run in a user namespace when we are root: they refuse root. */
    private static void run(String... command) throws Exception {
        List<String> cmd = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name")) && !command[0].equals("kill")) {
            cmd.addAll(List.of("unshare", "-U"));
        }
        cmd.addAll(List.of(command));
        // Never inheritIO: the test JVM's stdout is surefire's channel.
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(DIR.resolveSibling("outage-tools.log").toFile())).start();
        if (!p.waitFor(Duration.ofSeconds(60).toSeconds(), java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
