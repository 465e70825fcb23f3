package clinic.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What the tests that stop and start a PostgreSQL of their own share: its pid, its binaries, running them. */
final class PostgresTools {

    private PostgresTools() {
    }

    /** The postmaster running on a data directory. */
    static long pid(Path dataDir) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    }

    /** The directory of the binaries zonky unpacked, where pg_ctl is: the running postmaster's own. */
    static Path binaries(Path dataDir) throws IOException {
        return Path.of("/proc", String.valueOf(pid(dataDir)), "exe").toRealPath().getParent();
    }

    /** A fast shutdown (SIGINT): sessions are cut, as when a database server goes away. */
    static void stop(Path dataDir) throws Exception {
        long pid = pid(dataDir);
        run(dataDir.resolveSibling("tools.log"), "kill", "-INT", String.valueOf(pid));
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());
    }

    static void start(Path dataDir, Path binaries, int port) throws Exception {
        run(dataDir.resolveSibling("tools.log"), binaries.resolve("pg_ctl").toString(), "-D", dataDir.toString(),
                "-o", "-p " + port + " -F", "-l", dataDir.resolve("restart.log").toString(), "-w", "start");
    }

    /** As zonky does, PostgreSQL's tools run in a user namespace when we are root: they refuse root. */
    static void run(Path log, String... command) throws Exception {
        List<String> cmd = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name")) && !command[0].equals("kill")) {
            cmd.addAll(List.of("unshare", "-U"));
        }
        cmd.addAll(List.of(command));
        // Never inheritIO: the test JVM's stdout is surefire's channel.
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed");
        }
    }

    static void deleteTree(Path dir) throws IOException {
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
