package clinic.db;

import io.smallrye.config.SmallRyeConfig;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;

/** One command's run: its arguments, the project it generates into, and the database, connected on first use. */
final class CliSession implements AutoCloseable {

    final CliArguments args;
    final Path project;
    final DatabaseTarget database;
    final PrintStream out;
    private final String changeLog;
    private Connection connection;

    CliSession(CliArguments args, SmallRyeConfig config, Path project, String embeddedProfile, PrintStream out) {
        this.args = args;
        this.project = project;
        this.database = new DatabaseTarget(config, embeddedProfile, out);
        this.out = out;
        this.changeLog = config.getValue("quarkus.liquibase.change-log", String.class);
    }

    Migrations migrations() throws Exception {
        return new Migrations(connection(), changeLog, out);
    }

    Seeders seeders() throws Exception {
        return new Seeders(connection(), changeLog, out);
    }

    /** Where the changelog's files are in the project's sources. */
    Path changelogDirectory() {
        return project.resolve("src/main/resources").resolve(changeLog).getParent();
    }

    private Connection connection() throws Exception {
        if (connection == null) {
            connection = database.connect();
        }
        return connection;
    }

    @Override
    public void close() throws Exception {
        if (connection != null) {
            connection.close();
        }
    }
}
