package clinic.db;

import clinic.PackagedJar;
import clinic.security.TestIssuer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several packaged jars on one database, as several pods of the Deployment in deploy/: started together on an empty
 * database they migrate it once; one killed mid-migration holds no one up; a slot booked through different instances
 * is still taken once; the migration Job's `db:migrate` from the jar. Runs after `package`, in `./mvnw verify`.
 */
class ManyInstancesIT {

    private EmbeddedPostgres postgres;
    private TestIssuer issuer;
    private String token;
    private final List<PackagedJar> instances = new ArrayList<>();

    @BeforeEach
    void startAnEmptyDatabaseAndAnIssuer() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        issuer = TestIssuer.start();
        token = issuer.sign(TestIssuer.claims("admin"));
    }

    @AfterEach
    void stopAll() throws Exception {
        instances.forEach(PackagedJar::close);
        issuer.close();
        postgres.close();
    }

    @Test
    void shouldMigrateOnceWhenStartedTogetherAndNeverDoubleBookAcrossInstances() throws Exception {
        for (int i = 1; i <= 3; i++) {
            instances.add(launch("many-instances-it-" + i, Map.of()));
        }
        for (PackagedJar instance : instances) {
            instance.awaitReady(Duration.ofMinutes(3));
        }
        assertMigratedOnce();

        long doctor = create(instances.get(0), "/doctors", "{\"name\":\"Dr. Many\",\"email\":\"many@clinic.test\"}");
        long second = create(instances.get(1), "/doctors", "{\"name\":\"Dr. Two\",\"email\":\"two@clinic.test\"}");
        long third = create(instances.get(0), "/doctors", "{\"name\":\"Dr. Three\",\"email\":\"three@clinic.test\"}");
        // each instance numbers from its own block of the sequence: unique, not in the order of creation
        assertEquals(doctor + 1, third);
        assertTrue(Math.abs(second - doctor) >= 50, doctor + ", " + second);
        long patient = create(instances.get(1), "/patients", "{\"name\":\"Ann Many\",\"email\":\"ann@clinic.test\"}");
        String booking = "{\"date\":\"2101-03-01T09:00:00Z\",\"doctorId\":" + doctor + ",\"patientId\":" + patient + "}";
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            PackagedJar instance = instances.get(i % instances.size());
            answers.add(instance.sendAsync(post(instance, "/appointments", booking)));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            statuses.add(answer.get(90, TimeUnit.SECONDS).statusCode());
        }
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(23, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(List.of("1"), query("SELECT count(*) FROM appointments WHERE doctor_id = " + doctor));
    }

    @Test
    void shouldNotWaitForAnInstanceKilledWhileMigrating() throws Exception {
        try (Connection blocker = postgres.getPostgresDatabase().getConnection(); Statement st = blocker.createStatement()) {
            // an uncommitted table of the same name holds the doctors changeset, so the instance stops mid-migration
            blocker.setAutoCommit(false);
            st.execute("CREATE TABLE doctors (id bigint)");
            PackagedJar killed = launch("many-instances-it-killed", Map.of());
            instances.add(killed);
            awaitQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'", "1");
            assertEquals(List.of("t"), query("SELECT locked FROM databasechangeloglock"));
            killed.process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            blocker.rollback();
        }
        assertEquals(List.of("t"), query("SELECT locked FROM databasechangeloglock"),
                "the killed instance's lock row should still say LOCKED");

        PackagedJar next = launch("many-instances-it-after-kill", Map.of());
        instances.add(next);
        next.awaitReady(Duration.ofSeconds(150));
        assertMigratedOnce();
        assertTrue(Files.readString(next.log).contains("Clearing the changelog lock left by"), "see " + next.log);
    }

    @Test
    void shouldServeASchemaThatTheJarsDbMigrateMigrated() throws Exception {
        ProcessBuilder job = new ProcessBuilder("java", "-jar", "target/quarkus-app/quarkus-run.jar", "db:migrate")
                .redirectErrorStream(true).redirectOutput(Path.of("target", "many-instances-it-job.log").toFile());
        job.environment().put("QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "postgres"));
        job.environment().put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        Process migrate = job.start();
        assertTrue(migrate.waitFor(3, TimeUnit.MINUTES), "db:migrate did not finish");
        String printed = Files.readString(Path.of("target", "many-instances-it-job.log"));
        assertEquals(0, migrate.exitValue(), printed);
        assertTrue(printed.contains("== 001-btree-gist (001-btree-gist.yaml): migrated"), printed);
        assertMigratedOnce();

        PackagedJar instance = launch("many-instances-it-no-migrate", Map.of("QUARKUS_LIQUIBASE_MIGRATE_AT_START", "false"));
        instances.add(instance);
        instance.awaitReady(Duration.ofMinutes(3));
        create(instance, "/doctors", "{\"name\":\"Dr. Job\",\"email\":\"job@clinic.test\"}");
        assertTrue(Files.readString(instance.log).contains("Liquibase does not migrate the schema at start-up"));
    }

    private PackagedJar launch(String name, Map<String, String> env) throws Exception {
        Map<String, String> all = new HashMap<>(Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", issuer.jwksUrl(),
                "MP_JWT_VERIFY_ISSUER", TestIssuer.ISSUER));
        all.putAll(env);
        return PackagedJar.launch(postgres, all, name);
    }

    /** Every schema changeset of the changelog recorded once, and Liquibase's lock free. */
    private void assertMigratedOnce() throws Exception {
        int changesets;
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            changesets = Changelog.kind(new Changelog(c, MigrationScratchDatabase.MASTER, System.out).statuses(), false).size();
        }
        assertEquals(List.of(changesets + " " + changesets), query("SELECT count(*) || ' ' || count(DISTINCT (id, filename))"
                + " FROM databasechangelog"));
        assertEquals(List.of("f"), query("SELECT locked FROM databasechangeloglock"));
    }

    private long create(PackagedJar instance, String path, String body) throws Exception {
        HttpResponse<String> created = instance.send(post(instance, path, body));
        assertEquals(201, created.statusCode(), created.body());
        return Long.parseLong(created.body().replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
    }

    /** With a minute to answer: 24 requests at once on a busy 2-core machine took up to 9 s each. */
    private HttpRequest post(PackagedJar instance, String path, String body) {
        return instance.request(path, token).timeout(Duration.ofMinutes(1)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private void awaitQuery(String sql, String expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!query(sql).equals(List.of(expected))) {
            assertTrue(System.nanoTime() < deadline, "never: " + sql + " = " + expected);
            Thread.sleep(200);
        }
    }

    private List<String> query(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
             var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
