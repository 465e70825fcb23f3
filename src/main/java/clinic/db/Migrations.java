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
import java.text.SimpleDateFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * sequelize-cli's {@code db:*} verbs over the Liquibase changelog. Migrations are the changesets outside the
 * {@code seed} context, seeders the ones inside it; no verb of one kind applies or undoes the other kind.
 */
final class Migrations {

    /** Liquibase context filters: everything but seeds, and (with '@') only changesets that carry `seed`. */
    static final String SCHEMA = "!seed";
    static final String SEEDS = "@seed";

    private final Connection connection;
    private final String changeLog;
    private final PrintStream out;

    Migrations(Connection connection, String changeLog, PrintStream out) {
        this.connection = connection;
        this.changeLog = changeLog;
        this.out = out;
    }

    /** db:migrate */
    void migrate() throws Exception {
        update(SCHEMA, "No migrations were executed, database schema was already up to date.");
    }

    /** db:migrate:undo — the last applied migration only. */
    void undo() throws Exception {
        undo(1);
    }

    /** db:migrate:undo:all */
    void undoAll() throws Exception {
        undo(applied(false).size());
    }

    /** db:seed:all — re-running it is harmless: applied seeders are recorded and skipped. */
    void seedAll() throws Exception {
        List<ChangeSetStatus> pendingSchema = pending(false);
        if (!pendingSchema.isEmpty()) {
            throw new IllegalStateException(pendingSchema.size() + " migration(s) pending: run db:migrate first.");
        }
        update(SEEDS, "No seeders were executed, all seeders were already applied.");
    }

    /** db:seed:undo:all — deletes the seeded rows; the schema stays as it is. */
    void seedUndoAll() throws Exception {
        int seeded = applied(true).size();
        if (seeded == 0) {
            out.println("No executed seeders found.");
            return;
        }
        run(liquibase -> liquibase.rollback(seeded, new Contexts(SEEDS), new LabelExpression()));
    }

    /** db:migrate:status — every changeset of the changelog, in order, with when it was applied. */
    void status() throws Exception {
        List<ChangeSetStatus> statuses = statuses();
        SimpleDateFormat when = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss");
        int width = statuses.stream().mapToInt(s -> s.getChangeSet().getId().length()).max().orElse(0);
        for (boolean seeders : new boolean[] {false, true}) {
            out.println(seeders ? "Seeders (context seed):" : "Migrations:");
            for (ChangeSetStatus status : statuses) {
                if (isSeed(status.getChangeSet()) == seeders) {
                    String ran = status.getPreviouslyRan() ? "up    " + when.format(status.getDateLastExecuted())
                            : "down  " + " ".repeat(19);
                    ChangeSet changeSet = status.getChangeSet();
                    out.printf("  %s  %-" + width + "s  %s%n", ran, changeSet.getId(), file(changeSet));
                }
            }
        }
        long up = statuses.stream().filter(ChangeSetStatus::getPreviouslyRan).count();
        out.println(up + " applied (up), " + (statuses.size() - up) + " pending (down).");
    }

    private void undo(int count) throws Exception {
        if (!applied(true).isEmpty()) {
            throw new IllegalStateException("Seeders are applied: run db:seed:undo:all first, so that undoing the"
                    + " schema does not drop seeded rows while Liquibase still records them as seeded.");
        }
        if (applied(false).isEmpty()) {
            out.println("No executed migrations found.");
            return;
        }
        run(liquibase -> liquibase.rollback(count, new Contexts(SCHEMA), new LabelExpression()));
    }

    private void update(String contexts, String nothingToDo) throws Exception {
        boolean seeders = SEEDS.equals(contexts);
        if (pending(seeders).isEmpty()) {
            out.println(nothingToDo);
            return;
        }
        run(liquibase -> liquibase.update(new Contexts(contexts), new LabelExpression()));
    }

    private List<ChangeSetStatus> applied(boolean seeders) throws Exception {
        return statuses().stream().filter(s -> s.getPreviouslyRan() && isSeed(s.getChangeSet()) == seeders)
                .collect(Collectors.toList());
    }

    private List<ChangeSetStatus> pending(boolean seeders) throws Exception {
        return statuses().stream().filter(s -> !s.getPreviouslyRan() && isSeed(s.getChangeSet()) == seeders)
                .collect(Collectors.toList());
    }

    private List<ChangeSetStatus> statuses() throws Exception {
        return call(liquibase -> liquibase.getChangeSetStatuses(new Contexts(), new LabelExpression()));
    }

    private static boolean isSeed(ChangeSet changeSet) {
        return new ContextChangeSetFilter(new Contexts(SEEDS)).accepts(changeSet).isAccepted();
    }

    /** The changeset's file relative to the master changelog: `seed/001-clinic.yaml`. */
    private String file(ChangeSet changeSet) {
        String directory = changeLog.substring(0, changeLog.lastIndexOf('/') + 1);
        String file = changeSet.getFilePath();
        return file.startsWith(directory) ? file.substring(directory.length()) : file;
    }

    private interface LiquibaseAction<T> {
        T apply(Liquibase liquibase) throws LiquibaseException;
    }

    private interface LiquibaseCommand {
        void apply(Liquibase liquibase) throws LiquibaseException;
    }

    private void run(LiquibaseCommand command) throws Exception {
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
            Liquibase liquibase = new Liquibase(changeLog,
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
}
