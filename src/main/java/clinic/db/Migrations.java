package clinic.db;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.ChangeSetStatus;

import java.io.PrintStream;
import java.sql.Connection;
import java.text.SimpleDateFormat;
import java.util.List;

import static clinic.db.Changelog.SCHEMA;
import static clinic.db.Changelog.applied;
import static clinic.db.Changelog.kind;

/**
 * sequelize-cli's {@code db:migrate*} verbs over the Liquibase changelog. Migrations are the changesets outside the
 * {@code seed} context ({@link Seeders} has the others); no verb applies or undoes a seeder. A migration is named,
 * as in sequelize-cli, by its file (`006-agenda-covering-indexes`) or by a changeset's id.
 */
final class Migrations {

    private final Changelog changelog;
    private final PrintStream out;

    Migrations(Connection connection, String changeLog, PrintStream out) {
        this.changelog = new Changelog(connection, changeLog, out);
        this.out = out;
    }

    /** db:migrate */
    void migrate() throws Exception {
        migrate(null);
    }

    /** db:migrate --to: the pending migrations up to and including the one named (all of it, if it is a file). */
    void migrate(String to) throws Exception {
        List<ChangeSetStatus> schema = kind(changelog.statuses(), false);
        int last = to == null ? schema.size() - 1 : lastIndexOf(schema, to);
        int count = (int) schema.subList(0, last + 1).stream().filter(s -> !s.getPreviouslyRan()).count();
        if (count == 0) {
            out.println("No migrations were executed, database schema was already up to date.");
            return;
        }
        changelog.run(liquibase -> liquibase.update(count, new Contexts(SCHEMA), new LabelExpression()));
    }

    /** db:migrate:undo — the last applied migration only. */
    void undo() throws Exception {
        undo(1);
    }

    /** db:migrate:undo:all */
    void undoAll() throws Exception {
        undoAll(null);
    }

    /** db:migrate:undo:all --to: reverts the one named (all of it, if it is a file) and every one after it. */
    void undoAll(String to) throws Exception {
        List<ChangeSetStatus> schema = kind(changelog.statuses(), false);
        int first = to == null ? 0 : firstIndexOf(schema, to);
        undo((int) schema.subList(first, schema.size()).stream().filter(ChangeSetStatus::getPreviouslyRan).count());
    }

    /** db:migrate:status — every changeset of the changelog, in order, with when it was applied. */
    void status() throws Exception {
        List<ChangeSetStatus> statuses = changelog.statuses();
        SimpleDateFormat when = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss");
        int width = statuses.stream().mapToInt(s -> s.getChangeSet().getId().length()).max().orElse(0);
        for (boolean seeders : new boolean[] {false, true}) {
            out.println(seeders ? "Seeders (context seed):" : "Migrations:");
            for (ChangeSetStatus status : kind(statuses, seeders)) {
                String ran = status.getPreviouslyRan() ? "up    " + when.format(status.getDateLastExecuted())
                        : "down  " + " ".repeat(19);
                ChangeSet changeSet = status.getChangeSet();
                out.printf("  %s  %-" + width + "s  %s%n", ran, changeSet.getId(), changelog.file(changeSet));
            }
        }
        long up = statuses.stream().filter(ChangeSetStatus::getPreviouslyRan).count();
        out.println(up + " applied (up), " + (statuses.size() - up) + " pending (down).");
    }

    private void undo(int count) throws Exception {
        if (!applied(kind(changelog.statuses(), true)).isEmpty()) {
            throw new IllegalStateException("Seeders are applied: run db:seed:undo:all first, so that undoing the"
                    + " schema does not drop seeded rows while Liquibase still records them as seeded.");
        }
        if (count == 0 || applied(kind(changelog.statuses(), false)).isEmpty()) {
            out.println("No executed migrations found.");
            return;
        }
        changelog.run(liquibase -> liquibase.rollback(count, new Contexts(SCHEMA), new LabelExpression()));
    }

    private int firstIndexOf(List<ChangeSetStatus> schema, String name) {
        for (int i = 0; i < schema.size(); i++) {
            if (names(schema.get(i).getChangeSet(), name)) {
                return i;
            }
        }
        throw new UsageException("no migration " + name + " in " + changelog.path);
    }

    private int lastIndexOf(List<ChangeSetStatus> schema, String name) {
        int first = firstIndexOf(schema, name);
        int last = first;
        while (last + 1 < schema.size() && names(schema.get(last + 1).getChangeSet(), name)) {
            last++;
        }
        return last;
    }

    private boolean names(ChangeSet changeSet, String name) {
        String file = changelog.file(changeSet);
        return changeSet.getId().equals(name) || file.equals(name) || file.equals(name + ".yaml");
    }
}
