package clinic.db;

import clinic.db.generate.Changesets;
import clinic.db.generate.ModelGenerator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** sequelize-cli's command table: each verb, its flags, what it does, and the code that does it. */
final class CliVerbs {

    interface Action {
        void run(CliSession s) throws Exception;
    }

    record Verb(String usage, String does, Set<String> flags, Action action) {
    }

    private static final Map<String, Verb> VERBS = new LinkedHashMap<>();
    private static final Map<String, String> ALIASES = Map.of("migration:create", "migration:generate",
            "seed:create", "seed:generate", "model:create", "model:generate");

    private static final String INIT = """
            Nothing to create: this project already has sequelize-cli's folders, under other names.
              config      src/main/resources/application.properties (the database: QUARKUS_DATASOURCE_JDBC_URL, README)
              models      src/main/java/clinic/<model>/: the entity, its access policy and its resource (model:generate)
              migrations  src/main/resources/db/changelog/NNN-*.yaml, in db.changelog-master.yaml (migration:generate)
              seeders     src/main/resources/db/changelog/seed/NNN-*.yaml, context seed (seed:generate)
            """;

    static {
        verb("help", "", "list the commands", Set.of(), s -> s.out.print(help()));
        verb("init", "", "say where sequelize-cli's folders are in this project", Set.of(), s -> s.out.print(INIT));
        verb("db:create", "", "create the configured database", Set.of(), s -> s.database.create());
        verb("db:drop", " [-Dforce=true]", "drop it; refused while migrations are applied unless forced",
                Set.of(), s -> s.database.drop(s.args.force()));
        verb("db:migrate", " [-Dargs=\"--to <migration>\"]", "apply pending migrations (up to and including --to)",
                Set.of("to"), s -> s.migrations().migrate(s.args.optional("to")));
        verb("db:migrate:status", "", "list migrations and seeders, applied (up) and pending (down)", Set.of(),
                s -> s.migrations().status());
        verb("db:migrate:undo", "", "revert the last applied migration", Set.of(), s -> s.migrations().undo());
        verb("db:migrate:undo:all", " [-Dargs=\"--to <migration>\"]",
                "revert all applied migrations (back to and including --to)", Set.of("to"),
                s -> s.migrations().undoAll(s.args.optional("to")));
        verb("db:seed", " -Dargs=\"--seed <seeder>\"", "apply one seeder", Set.of("seed"),
                s -> s.seeders().seed(s.args.required("seed")));
        verb("db:seed:all", "", "apply pending seeders", Set.of(), s -> s.seeders().seedAll());
        verb("db:seed:undo", " -Dargs=\"--seed <seeder>\"", "revert one seeder", Set.of("seed"),
                s -> s.seeders().seedUndo(s.args.required("seed")));
        verb("db:seed:undo:all", "", "revert all applied seeders", Set.of(), s -> s.seeders().seedUndoAll());
        verb("migration:generate", " -Dargs=\"--name <kebab-case-name>\"", "a new migration file (alias migration:create)",
                Set.of("name"), s -> Changesets.migration(s.changelogDirectory(), s.args.required("name"), s.out));
        verb("seed:generate", " -Dargs=\"--name <kebab-case-name>\"", "a new seeder file (alias seed:create)",
                Set.of("name"), s -> Changesets.seeder(s.changelogDirectory(), s.args.required("name"), s.out));
        verb("model:generate", " -Dargs=\"--name <Model> --attributes <field:type,...>\"",
                "a model: entity, access policy, resource, migration and test (alias model:create)",
                Set.of("name", "attributes"), s -> new ModelGenerator(s.project, s.changelogDirectory(), s.out)
                        .generate(s.args.required("name"), s.args.required("attributes")));
    }

    static final String USAGE = MigrationCli.CALL + "<command> [-Dargs=\"--flag value ...\"], <command> one of "
            + String.join(", ", VERBS.keySet()) + " (-Dcmd=help says what each does)";


    private CliVerbs() {
    }

    static Verb of(String name) {
        Verb verb = VERBS.get(ALIASES.getOrDefault(name, name));
        if (verb == null) {
            throw new UsageException("Unknown command '" + name + "'");
        }
        return verb;
    }

    private static void verb(String name, String flags, String does, Set<String> allowed, Action action) {
        VERBS.put(name, new Verb(name + flags, does, allowed, action));
    }

    private static String help() {
        int width = VERBS.values().stream().mapToInt(v -> v.usage().length()).max().orElse(0);
        return "Usage: " + MigrationCli.CALL + "<command>\n" + VERBS.values().stream()
                .map(v -> String.format("  %-" + width + "s  %s%n", v.usage(), v.does())).collect(Collectors.joining());
    }
}
