package clinic.db;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.ChangeSetStatus;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.filter.ContextChangeSetFilter;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

import java.io.PrintStream;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

/**
 * Liquibase over one changelog file, the master or a single included file (a file's changesets keep their identity,
 * as Liquibase records the file's path either way), reporting progress the sequelize-cli way.
 */
final class Changelog {

    /** Liquibase context filters: everything but seeds, and (with '@') only changesets that carry `seed`. */
    static final String SCHEMA = "!seed";
    static final String SEEDS = "@seed";

    final String path;
    private final Connection connection;
    private final PrintStream out;
    private final String directory;

    Changelog(Connection connection, String path, PrintStream out) {
        this(connection, path, out, path.substring(0, path.lastIndexOf('/') + 1));
    }

    private Changelog(Connection connection, String path, PrintStream out, String directory) {
        this.connection = connection;
        this.path = path;
        this.out = out;
        this.directory = directory;
    }

    /** One file of this changelog's directory, `seed/001-clinic.yaml`, as a changelog of its own. */
    Changelog file(String relative) {
        return new Changelog(connection, directory + relative, out, directory);
    }

    List<ChangeSetStatus> statuses() throws Exception {
        return call(liquibase -> liquibase.getChangeSetStatuses(new Contexts(), new LabelExpression()));
    }

    /** Migrations (false) or seeders (true), in changelog order. */
    static boolean isSeed(ChangeSet changeSet) {
        return new ContextChangeSetFilter(new Contexts(SEEDS)).accepts(changeSet).isAccepted();
    }

    /** The changeset's file relative to the master changelog: `seed/001-clinic.yaml`. */
    String file(ChangeSet changeSet) {
        String file = changeSet.getFilePath();
        return file.startsWith(directory) ? file.substring(directory.length()) : file;
    }

    interface LiquibaseAction<T> {
        T apply(Liquibase liquibase) throws LiquibaseException;
    }

    interface LiquibaseCommand {
        void apply(Liquibase liquibase) throws LiquibaseException;
    }

    void run(LiquibaseCommand command) throws Exception {
        call(liquibase -> {
            liquibase.setChangeExecListener(new Progress());
            liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
            command.apply(liquibase);
            return null;
        });
    }

    /** Liquibase's own console output and analytics off: this class reports progress the sequelize-cli way. */
    private <T> T call(LiquibaseAction<T> action) throws Exception {
        Map<String, Object> scope = Map.of(Scope.Attr.ui.name(), new LoggerUIService(),
                "liquibase.analytics.enabled", false);
        return Scope.child(scope, () -> {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Liquibase liquibase = new Liquibase(path,
                    new ClassLoaderResourceAccessor(Thread.currentThread().getContextClassLoader()), database);
            return action.apply(liquibase);
        });
    }

    /** One line per changeset, as sequelize-cli prints one per migration file. */
    private final class Progress extends AbstractChangeExecListener {
        @Override
        public void ran(ChangeSet changeSet, DatabaseChangeLog log, Database database, ChangeSet.ExecType type) {
            out.println("== " + changeSet.getId() + " (" + file(changeSet) + "): "
                    + (isSeed(changeSet) ? "seeded" : "migrated"));
        }

        @Override
        public void rolledBack(ChangeSet changeSet, DatabaseChangeLog log, Database database) {
            out.println("== " + changeSet.getId() + " (" + file(changeSet) + "): reverted");
        }
    }

    static List<ChangeSetStatus> kind(List<ChangeSetStatus> statuses, boolean seeders) {
        return statuses.stream().filter(s -> isSeed(s.getChangeSet()) == seeders).toList();
    }

    static List<ChangeSetStatus> applied(List<ChangeSetStatus> statuses) {
        return statuses.stream().filter(ChangeSetStatus::getPreviouslyRan).toList();
    }

    static List<ChangeSetStatus> pending(List<ChangeSetStatus> statuses) {
        return statuses.stream().filter(s -> !s.getPreviouslyRan()).toList();
    }
}
