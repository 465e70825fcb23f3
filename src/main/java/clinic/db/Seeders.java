package clinic.db;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.changelog.ChangeSetStatus;

import java.io.PrintStream;
import java.sql.Connection;
import java.util.List;

import static clinic.db.Changelog.SEEDS;
import static clinic.db.Changelog.kind;
import static clinic.db.Changelog.pending;

/**
 * sequelize-cli's {@code db:seed*} verbs: the changesets in the {@code seed} context, named by their file under
 * {@code seed/} (`001-clinic`). They insert and delete rows only, so they need the schema migrated.
 */
final class Seeders {

    private final Changelog changelog;
    private final PrintStream out;

    Seeders(Connection connection, String changeLog, PrintStream out) {
        this.changelog = new Changelog(connection, changeLog, out);
        this.out = out;
    }

    /** db:seed:all — re-running it is harmless: applied seeders are recorded and skipped. */
    void seedAll() throws Exception {
        seed(changelog, "all seeders were");
    }

    /** db:seed --seed: one seeder file, run as a changelog of its own. */
    void seed(String seeder) throws Exception {
        seederChangeSets(seeder);
        seed(changelog.file(seederFile(seeder)), seederFile(seeder) + " was");
    }

    /** db:seed:undo:all — deletes the seeded rows; the schema stays as it is. */
    void seedUndoAll() throws Exception {
        seedUndo(changelog, kind(changelog.statuses(), true));
    }

    /** db:seed:undo --seed: one seeder's rows, whatever ran after it. */
    void seedUndo(String seeder) throws Exception {
        seedUndo(changelog.file(seederFile(seeder)), seederChangeSets(seeder));
    }

    private void seed(Changelog seeders, String already) throws Exception {
        List<ChangeSetStatus> pendingSchema = pending(kind(changelog.statuses(), false));
        if (!pendingSchema.isEmpty()) {
            throw new IllegalStateException(pendingSchema.size() + " migration(s) pending: run db:migrate first.");
        }
        if (pending(kind(seeders.statuses(), true)).isEmpty()) {
            out.println("No seeders were executed, " + already + " already applied.");
            return;
        }
        seeders.run(liquibase -> liquibase.update(new Contexts(SEEDS), new LabelExpression()));
    }

    private void seedUndo(Changelog seeders, List<ChangeSetStatus> seeds) throws Exception {
        int seeded = (int) seeds.stream().filter(ChangeSetStatus::getPreviouslyRan).count();
        if (seeded == 0) {
            out.println("No executed seeders found.");
            return;
        }
        seeders.run(liquibase -> liquibase.rollback(seeded, new Contexts(SEEDS), new LabelExpression()));
    }

    /** `001-clinic`, `001-clinic.yaml` or `seed/001-clinic.yaml`: the file under the changelog's directory. */
    private static String seederFile(String seeder) {
        String stem = seeder.replaceFirst("^seed/", "").replaceFirst("\\.yaml$", "");
        return "seed/" + stem + ".yaml";
    }

    private List<ChangeSetStatus> seederChangeSets(String seeder) throws Exception {
        List<ChangeSetStatus> seeds = kind(changelog.statuses(), true).stream()
                .filter(s -> changelog.file(s.getChangeSet()).equals(seederFile(seeder))).toList();
        if (seeds.isEmpty()) {
            throw new UsageException("no seeder " + seederFile(seeder) + " in " + changelog.path);
        }
        return seeds;
    }
}
