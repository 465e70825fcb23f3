package clinic.audit;

import clinic.Api;
import clinic.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static clinic.Fixtures.assertProblem;
import static clinic.Fixtures.createDoctor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads' events are committed in batches: none lost, none answered before its commit, one bad event fails alone. */
@QuarkusTest
class GroupCommitTest {

    @Inject
    AgroalDataSource db;

    @Inject
    AuditWriter writer;

    @Test
    void shouldCommitConcurrentReadsTogetherEachBeforeItsAnswer() throws Exception {
        long doctor = createDoctor();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        Map<String, Long> seenAtAnswer = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<Object>> reads = ids.stream().map(id -> clients.submit(() -> {
                Api.given().header("X-Request-Id", id).get("/doctors/" + doctor).then().statusCode(200);
                seenAtAnswer.put(id, events(List.of(id))[0]);
                return null;
            })).toList();
            for (Future<Object> read : reads) {
                read.get(60, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
        ids.forEach(id -> assertEquals(1L, seenAtAnswer.get(id), "the event of " + id + " when its 200 arrived"));
        long[] written = events(ids);
        assertEquals(40, written[0]);
        // each batch is one INSERT in a transaction of its own: its rows share the transaction id (xmin)
        assertTrue(written[1] < written[0], written[0] + " events in " + written[1] + " INSERT statements");
    }

    @Test
    void shouldAnswer503ForTheRefusedEventOfABatchAndCommitItsNeighbours() throws Exception {
        long doctor = createDoctor();
        // PostgreSQL refuses NUL in text: this caller's event (its actorName) cannot be written
        String hostile = Jwt.audience("clinic-api").subject("test-admin").upn("nul\u0000name")
                .groups(Set.of("admin")).expiresIn(Duration.ofHours(1)).sign();
        ExecutorService clients = Executors.newFixedThreadPool(11);
        Map<String, Future<Response>> answers = new LinkedHashMap<>();
        try (Connection lock = db.getConnection()) {
            holdInserts(lock);
            String first = UUID.randomUUID().toString();
            answers.put(first, read(clients, Tokens.admin(), doctor, first));
            awaitWriterBlocked();
            // queued behind the blocked insert, these ten go in one batch once it is let through
            String refused = UUID.randomUUID().toString();
            answers.put(refused, read(clients, hostile, doctor, refused));
            for (int i = 0; i < 9; i++) {
                String id = UUID.randomUUID().toString();
                answers.put(id, read(clients, Tokens.admin(), doctor, id));
            }
            Thread.sleep(1000);
            lock.commit();
            for (var answer : answers.entrySet()) {
                Response r = answer.getValue().get(60, TimeUnit.SECONDS);
                if (answer.getKey().equals(refused)) {
                    assertProblem(r, 503, "audit_unavailable");
                    assertEquals(0, events(List.of(refused))[0], "the refused event");
                } else {
                    assertEquals(200, r.statusCode(), r.asString());
                    assertEquals(1, events(List.of(answer.getKey()))[0], "the event of a neighbour");
                }
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void shouldWriteEverythingQueuedBeforeStoppingAndWhatComesAfterOnItsOwn() throws Exception {
        AuditBatches batches = new AuditBatches(writer, 100);
        batches.start();
        List<String> ids = new ArrayList<>();
        List<Thread> waiting = new ArrayList<>();
        Thread stopping;
        try (Connection lock = db.getConnection()) {
            holdInserts(lock);
            for (int i = 0; i < 6; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                Thread t = new Thread(() -> batches.write(event(id)));
                t.start();
                waiting.add(t);
                if (i == 0) {
                    awaitWriterBlocked();
                }
            }
            Thread.sleep(500);
            stopping = new Thread(() -> {
                try {
                    batches.drain(new ShutdownEvent());
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            stopping.start();
            stopping.join(500);
            assertTrue(stopping.isAlive(), "the shutdown waits for the queued events");
            lock.commit();
        }
        stopping.join(10_000);
        assertFalse(stopping.isAlive(), "the shutdown finished once they were written");
        assertEquals(6, events(ids)[0], "everything queued was written before the shutdown ended");
        for (Thread t : waiting) {
            t.join(1000);
            assertFalse(t.isAlive(), "a request left waiting");
        }
        String late = UUID.randomUUID().toString();
        batches.write(event(late));
        assertEquals(1, events(List.of(late))[0], "an event after the shutdown is written on its own");
    }

    @Test
    void shouldFailWhatQueuedDuringAFailedConnectAtOnceRatherThanEachInTurn() throws Exception {
        // a database that refuses a connection after a second, as an unreachable one does
        AuditWriter unreachable = new AuditWriter(null, null) {
            @Override
            Connection connection() throws SQLException {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new SQLException("Connection refused", "08001");
            }
        };
        AuditBatches batches = new AuditBatches(unreachable, 100);
        batches.start();
        ExecutorService requests = Executors.newFixedThreadPool(5);
        try {
            long start = System.nanoTime();
            List<Future<Object>> answers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                answers.add(requests.submit(() -> {
                    batches.write(event(UUID.randomUUID().toString()));
                    return null;
                }));
                if (i == 0) {
                    Thread.sleep(200); // the others queue while the writer waits for its connection
                }
            }
            for (Future<Object> answer : answers) {
                ExecutionException failed = assertThrows(ExecutionException.class,
                        () -> answer.get(30, TimeUnit.SECONDS));
                assertEquals(AuditWriter.UNAVAILABLE, failed.getCause());
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 1800, "five requests failed in " + millis + " ms: one connect, not one per batch");
        } finally {
            requests.shutdownNow();
            batches.drain(new ShutdownEvent());
        }
    }

    private Future<Response> read(ExecutorService clients, String token, long doctor, String requestId) {
        return clients.submit(() -> Api.as(token).header("X-Request-Id", requestId).get("/doctors/" + doctor));
    }

    /** Inserts into the trail wait until {@code lock} commits (SHARE conflicts with an INSERT's lock). */
    private static void holdInserts(Connection lock) throws SQLException {
        lock.setAutoCommit(false);
        try (Statement st = lock.createStatement()) {
            st.execute("LOCK TABLE audit_events IN SHARE MODE");
        }
    }

    private void awaitWriterBlocked() throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!writerBlocked()) {
            assertTrue(System.currentTimeMillis() < deadline, "the audit insert never reached the lock");
            Thread.sleep(20);
        }
    }

    private boolean writerBlocked() throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                     + " AND query LIKE 'INSERT INTO audit_events%'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    /** How many events these requests left, and in how many transactions. */
    private long[] events(List<String> requestIds) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT count(*), count(DISTINCT xmin::text) FROM audit_events WHERE request_id = ANY (?)")) {
            st.setArray(1, c.createArrayOf("text", requestIds.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    private static AuditEvent event(String requestId) {
        AuditEvent e = new AuditEvent();
        e.recordedAt = Instant.now();
        e.actor = "test-admin";
        e.roles = new String[] {"admin"};
        e.action = "read";
        e.method = "GET";
        e.path = "/doctors";
        e.patientIds = new Long[0];
        e.status = 200;
        e.requestId = requestId;
        return e;
    }
}
