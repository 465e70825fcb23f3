package clinic.model;

import clinic.SqlLog;
import clinic.doctor.Doctor;
import clinic.patient.Patient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static clinic.model.FindOptions.limit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A doctor's patients (and a patient's doctors), page and count, as the engine sends them: PostgreSQL's generic plan,
 * executed, reads the live (owner, target) index, and the page's buffers stay flat when the doctor's history grows
 * tenfold. Rows of this test's own (negative ids), vacuumed so index-only scans need no heap; deleted after.
 * 200 doctors with 200 appointments each over 4,000 patients, then doctor -1 gets 1,800 more.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DoctorPatientsIndexTest {

    /** A page of 20 patients: the links read and the buffers touched, whether the doctor has 200 or 2,000 links. */
    private static final int PAGE_LINKS = 50;
    private static final int PAGE_BUFFERS = 40;

    @Inject
    AgroalDataSource db;

    @BeforeAll
    void seed() throws SQLException {
        // appointment i: doctor i % 200 at hour i / 200, patient (hour * 7919 + doctor) % 4000: nobody overlaps
        execute("""
                INSERT INTO doctors (id, name, email, created_at, updated_at, version)
                SELECT -g, 'Dr. Through ' || g, 'through' || g || '@explain.test', now(), now(), 0
                FROM generate_series(1, 200) g;
                INSERT INTO patients (id, name, email, created_at, updated_at, version)
                SELECT -g, 'Through ' || g, 'through' || g || '@explain.test', now(), now(), 0
                FROM generate_series(1, 4000) g;
                INSERT INTO appointments (id, starts_at, ends_at, duration_minutes, status, doctor_id, patient_id,
                                          created_at, updated_at, version)
                SELECT -(i + 1), t, t + interval '30 minutes', 30, 'booked', -(i % 200 + 1),
                       -(((i / 200) * 7919 + i % 200) % 4000 + 1), now(), now(), 0
                FROM generate_series(0, 39999) i,
                     LATERAL (SELECT timestamptz '2600-01-01 08:00:00+00' + (i / 200) * interval '1 hour' AS t) slot""");
        vacuum();
    }

    @AfterAll
    void cleanUp() throws SQLException {
        execute("""
                DELETE FROM appointments WHERE id < 0;
                DELETE FROM patients WHERE id < 0;
                DELETE FROM doctors WHERE id < 0""");
        vacuum();
    }

    @Test
    void shouldReadADoctorsPatientsPageFromTheIndexFlatInHistory() throws Exception {
        Plan before = plan(page());
        assertFlat(before);
        execute("""
                INSERT INTO appointments (id, starts_at, ends_at, duration_minutes, status, doctor_id, patient_id,
                                          created_at, updated_at, version)
                SELECT -(40001 + s), t, t + interval '30 minutes', 30, 'booked', -1, -((s * 7919) % 4000 + 1),
                       now(), now(), 0
                FROM generate_series(200, 1999) s,
                     LATERAL (SELECT timestamptz '2600-01-01 08:00:00+00' + s * interval '1 hour' AS t) slot""");
        vacuum();
        try {
            assertFlat(plan(page()));
        } finally {
            execute("DELETE FROM appointments WHERE id < -40000");
            vacuum();
        }
    }

    @Test
    void shouldCountADoctorsPatientsFromTheLiveIndexWithoutTheAppointmentsHeap() throws Exception {
        // the through node alone is the total the database keeps (009); with any other condition PostgreSQL counts
        Where counted = doctorsPatients().and("deletedAt", Where.is(null));
        assertEquals(200L, QuarkusTransaction.requiringNew().call(() -> Patient.count(doctorsPatients())));
        assertEquals(200L, QuarkusTransaction.requiringNew().call(() -> Patient.count(counted)));
        Plan count = plan(SqlLog.holding(emitted(() -> Patient.count(counted)), "count("));
        List<String> appointments = count.scans.stream().filter(s -> s.contains(" on appointments")).toList();
        assertEquals(List.of("Index Only Scan on appointments using appointments_doctor_patient_idx"), appointments,
                count.toString());
    }

    @Test
    void shouldReadAPatientsDoctorsFromTheMirrorIndex() throws Exception {
        Where doctors = Where.associatedWith(ModelInfo.of(Patient.class).association("doctors"), -7L);
        Plan page = plan(SqlLog.reading(emitted(() -> Doctor.findAll(doctors, limit(20))), "doctors"));
        assertTrue(page.uses("appointments_patient_doctor_idx"), page.toString());
    }

    private static void assertFlat(Plan page) {
        assertTrue(page.uses("appointments_doctor_patient_idx"), page.toString());
        assertTrue(page.links <= PAGE_LINKS && page.buffers <= PAGE_BUFFERS, page.toString());
    }

    private String page() {
        return SqlLog.reading(emitted(() -> Patient.findAll(doctorsPatients(), limit(20))), "patients");
    }

    private static Where doctorsPatients() {
        return Where.associatedWith(ModelInfo.of(Doctor.class).association("patients"), -1L);
    }

    private static List<String> emitted(Runnable find) {
        return SqlLog.during(() -> QuarkusTransaction.requiringNew().run(find));
    }

    /**
     * The scans, total buffers and appointment rows read of the statement's generic plan, run with the owner's id for
     * its one parameter.
     */
    private record Plan(List<String> scans, long buffers, long links, String sql) {

        boolean uses(String index) {
            return scans.stream().anyMatch(s -> s.endsWith(" using " + index));
        }
    }

    private Plan plan(String sql) throws Exception {
        assertEquals(1, sql.chars().filter(c -> c == '?').count(), sql);
        String json;
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("PREPARE through_plan AS " + sql.replace("?", "$1"));
            // the plan the driver's server-side prepared statement settles on, not one for this value
            st.execute("SET plan_cache_mode = force_generic_plan");
            try (ResultSet rs = st.executeQuery("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) EXECUTE through_plan(-1)")) {
                rs.next();
                json = rs.getString(1);
            } finally {
                st.execute("RESET plan_cache_mode");
                st.execute("DEALLOCATE through_plan");
            }
        }
        JsonNode root = new ObjectMapper().readTree(json).get(0).get("Plan");
        List<String> scans = new ArrayList<>();
        long[] links = {0};
        scans(root, scans, links);
        return new Plan(scans, root.get("Shared Hit Blocks").asLong() + root.get("Shared Read Blocks").asLong(),
                links[0], sql);
    }

    private static void scans(JsonNode plan, List<String> into, long[] links) {
        String type = plan.get("Node Type").asText();
        if (type.contains("Scan")) {
            into.add(type + " on " + plan.path("Relation Name").asText()
                    + (plan.has("Index Name") ? " using " + plan.get("Index Name").asText() : ""));
        }
        if (plan.path("Relation Name").asText().equals("appointments")) {
            links[0] += plan.get("Actual Rows").asLong() * plan.get("Actual Loops").asLong();
        }
        plan.path("Plans").forEach(child -> scans(child, into, links));
    }

    /**
     * The test server commits asynchronously, and VACUUM marks no page all-visible while the WAL of a recent commit
     * is unflushed: a synchronous commit of an xid of its own flushes it first.
     */
    private void vacuum() throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("SET synchronous_commit = on");
            try {
                for (String table : List.of("doctors", "patients", "appointments")) {
                    st.execute("SELECT pg_current_xact_id()");
                    st.execute("VACUUM ANALYZE " + table);
                }
                for (int i = 0; i < 50 && !allVisible(st); i++) {
                    st.execute("SELECT pg_sleep(0.2), pg_current_xact_id()");
                    st.execute("VACUUM ANALYZE appointments");
                }
            } finally {
                st.execute("RESET synchronous_commit");
            }
        }
    }

    /** Whether VACUUM marked the appointments' pages all-visible: on a loaded machine the WAL writer may be late. */
    private static boolean allVisible(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery(
                "SELECT relallvisible >= relpages FROM pg_class WHERE relname = 'appointments'")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
