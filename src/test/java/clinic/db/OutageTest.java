package clinic.db;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static clinic.Fixtures.assertProblem;
import static clinic.Fixtures.json;
import static clinic.Fixtures.map;
import static clinic.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database goes away under load and comes back: requests fail fast with 503, readiness goes DOWN while
 * liveness stays UP, the service serves again without a restart, and every write answered 2xx is kept.
 */
@QuarkusTest
@TestProfile(OutageTest.OwnDatabase.class)
class OutageTest {

    /** This test stops its database, so it gets one of its own. */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", OutageDatabase.url(),
                    "quarkus.datasource.username", "postgres");
        }
    }

    private final List<String> written = new CopyOnWriteArrayList<>();
    private final List<Integer> statuses = new CopyOnWriteArrayList<>();
    /** Duration of each 503, and whether it began once the outage was settled (a second after the stop). */
    private final List<long[]> failures = new CopyOnWriteArrayList<>();
    private volatile long settledAt = Long.MAX_VALUE;

    @Test
    void shouldFailFastWhileTheDatabaseIsDownAndRecoverWithoutLosingAcknowledgedWrites() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        Thread clerk = new Thread(() -> {
            while (running.get()) {
                write();
            }
        });
        clerk.start();
        awaitWrites(3);

        OutageDatabase.stop();
        settledAt = System.nanoTime() + 1_000_000_000L;
        assertProblem(timed(() -> given().get("/doctors")), 503, "database_unavailable");
        given().get("/q/health/ready").then().statusCode(503).body("status", org.hamcrest.Matchers.equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("UP"));
        Thread.sleep(2000);

        OutageDatabase.start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (given().get("/doctors").statusCode() != 200) {
            assertTrue(System.currentTimeMillis() < deadline, "the service did not recover within 30 s");
            Thread.sleep(200);
        }
        awaitWrites(written.size() + 3);
        running.set(false);
        clerk.join();

        assertTrue(statuses.contains(503), "no request saw the outage: " + statuses);
        assertFalse(statuses.stream().anyMatch(s -> s >= 500 && s != 503), "unexpected status in " + statuses);
        // Requests caught in the cut are bounded by the socket timeout; once the outage is settled they fail fast.
        assertTrue(failures.stream().allMatch(f -> f[0] <= 30_000), "a 503 took over 30 s");
        assertTrue(failures.stream().filter(f -> f[1] == 1).allMatch(f -> f[0] <= 5_000),
                "a 503 during the outage took over 5 s");
        assertTrue(failures.stream().filter(f -> f[1] == 1).count() >= 2, "too few requests during the outage");
        for (String email : written) {
            assertEquals(1, given().queryParam("where[email]", email).get("/patients")
                    .then().statusCode(200).extract().jsonPath().getList("$").size(), email + " was acknowledged but lost");
        }
    }

    private void awaitWrites(int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (written.size() < n) {
            assertTrue(System.currentTimeMillis() < deadline, "the clerk could not write: " + statuses);
            Thread.sleep(100);
        }
    }

    private void write() {
        String email = "outage-" + UUID.randomUUID() + "@clinic.test";
        Response r = timed(() -> json(map("name", "Clerk Write", "email", email)).post("/patients"));
        statuses.add(r.statusCode());
        if (r.statusCode() == 201) {
            written.add(email);
        }
    }

    private Response timed(java.util.function.Supplier<Response> request) {
        long start = System.nanoTime();
        Response r = request.get();
        if (r.statusCode() == 503) {
            failures.add(new long[] {(System.nanoTime() - start) / 1_000_000, start >= settledAt ? 1 : 0});
        }
        return r;
    }
}
