package clinic.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

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
                PostgresTools.deleteTree(DIR);
                EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(DIR)
                        .setCleanDataDirectory(false).start();
                url = pg.getJdbcUrl("postgres", "postgres");
                System.setProperty("clinic.outage.port", String.valueOf(pg.getPort()));
                System.setProperty("clinic.outage.bin", PostgresTools.binaries(DIR).toString());
                System.setProperty("clinic.outage.url", url);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return url;
    }

    static void stop() throws Exception {
        PostgresTools.stop(DIR);
    }

    static void start() throws Exception {
        PostgresTools.start(DIR, Path.of(System.getProperty("clinic.outage.bin")),
                Integer.parseInt(System.getProperty("clinic.outage.port")));
    }
}
