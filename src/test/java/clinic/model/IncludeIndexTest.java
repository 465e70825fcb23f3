package clinic.model;

import clinic.SqlLog;
import clinic.appointment.Appointment;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static clinic.model.FindOptions.Direction.DESC;
import static clinic.model.FindOptions.include;
import static clinic.model.FindOptions.limit;
import static clinic.model.FindOptions.order;
import static clinic.model.Include.assoc;
import static clinic.model.Where.between;
import static clinic.model.Where.gte;
import static clinic.model.Where.in;
import static clinic.model.Where.where;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SQL the engine emits for the agendas and for filtered includes is served by the agenda indexes: EXPLAIN of that exact text, on
 * analyzed rows of this test's own (negative ids: no sequence, no other test's count meets them, deleted after).
 * 400 doctors with 100 appointments each: a page's few doctors are a small share of the table, as in production;
 * at 40 doctors a hash join over a scan of 4,000 rows is rightly cheaper than probing the primary key.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncludeIndexTest {

    private static final Instant BASE = Instant.parse("2500-01-01T08:00:00Z");

    @Inject
    AgroalDataSource db;

    @BeforeAll
    void seed() throws SQLException {
        execute("""
                INSERT INTO doctors (id, name, email, created_at, updated_at, version)
                SELECT -g, 'Dr. Index ' || g, 'index' || g || '@explain.test', now(), now(), 0
                FROM generate_series(1, 400) g;
                INSERT INTO patients (id, name, email, created_at, updated_at, version)
                SELECT -g, 'Index ' || g, 'index' || g || '@explain.test', now(), now(), 0
                FROM generate_series(1, 2000) g;
                INSERT INTO appointments (id, starts_at, ends_at, duration_minutes, status, doctor_id, patient_id,
                                          created_at, updated_at, version)
                SELECT -(i + 1), t, t + interval '30 minutes', 30,
                       (ARRAY['booked', 'fulfilled', 'cancelled'])[1 + i % 3], -(i % 400 + 1),
                       -(((i / 400) * 7 + i % 400) % 2000 + 1), now(), now(), 0
                FROM generate_series(0, 39999) i,
                     LATERAL (SELECT timestamptz '2500-01-01 08:00:00+00' + (i / 400) * interval '1 hour' AS t) slot;
                ANALYZE doctors; ANALYZE patients; ANALYZE appointments""");
    }

    @AfterAll
    void cleanUp() throws SQLException {
        execute("""
                DELETE FROM appointments WHERE id < 0;
                DELETE FROM patients WHERE id < 0;
                DELETE FROM doctors WHERE id < 0;
                ANALYZE doctors; ANALYZE patients; ANALYZE appointments""");
    }

    @Test
    void shouldReadALimitedIncludeFilteredByDateFromTheDoctorDateIndex() throws Exception {
        String sql = SqlLog.holding(emitted(() -> Doctor.findAll(where("id", in(List.of(-1L, -2L, -3L))),
                include(assoc("appointments").where(where("date", gte(BASE.plusSeconds(3600 * 50))))
                        .order("date", DESC).limit(5)))), "dense_rank()");
        assertIndexed(sql, "appointments_doctor_date_idx");
    }

    @Test
    void shouldReadAnIncludeFilteredByStatusFromAPatientIndex() throws Exception {
        String sql = SqlLog.reading(emitted(() -> Patient.findAll(where("id", in(List.of(-1L, -2L))),
                include(assoc("appointments").where(where("status", "booked"))))), "appointments");
        // the live (patient_id, doctor_id) index of 008 serves it as well: deleted_at is null is its predicate
        assertIndexed(sql, "appointments_patient_date_idx", "appointments_patient_doctor_idx");
    }

    @Test
    void shouldCheckARequiredIncludeFromTheDoctorDateIndex() throws Exception {
        String sql = SqlLog.reading(emitted(() -> Doctor.findAll(where("id", in(List.of(-1L, -2L, -3L, -4L))),
                include(assoc("appointments").where(where("date", between(BASE, BASE.plusSeconds(3600 * 3))))))),
                "doctors");
        assertIndexed(sql, "appointments_doctor_date_idx");
    }

    @Test
    void shouldServeTheDoctorAgendaFromTheDoctorDateIndex() throws Exception {
        String sql = SqlLog.reading(emitted(() -> Appointment.findAll(
                where("doctorId", -7L).and("date", gte(BASE.plusSeconds(3600 * 50))), order("date"), limit(20))),
                "appointments");
        assertIndexed(sql, "appointments_doctor_date_idx");
    }

    @Test
    void shouldServeThePatientAgendaFromThePatientDateIndex() throws Exception {
        String sql = SqlLog.reading(emitted(() -> Appointment.findAll(
                where("patientId", -7L).and("date", gte(BASE.plusSeconds(3600 * 50))), order("date"), limit(20))),
                "appointments");
        assertIndexed(sql, "appointments_patient_date_idx");
    }

    private static List<String> emitted(Runnable find) {
        return SqlLog.during(() -> QuarkusTransaction.requiringNew().run(find));
    }

    /** The plan PostgreSQL caches for the statement (its generic plan): one of the indexes, and no scan of all appointments. */
    private void assertIndexed(String sql, String... indexes) throws Exception {
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char c : sql.toCharArray()) {
            numbered.append(c == '?' ? "$" + ++n : String.valueOf(c));
        }
        String json;
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            // a generic plan has $n placeholders, which the driver's extended protocol refuses to send unbound
            st.execute("CREATE FUNCTION pg_temp.plan(q text) RETURNS text LANGUAGE plpgsql AS $$ DECLARE p text; "
                    + "BEGIN EXECUTE 'EXPLAIN (GENERIC_PLAN, FORMAT JSON) ' || q INTO p; RETURN p; END $$");
            try (PreparedStatement plan = c.prepareStatement("SELECT pg_temp.plan(?)")) {
                plan.setString(1, numbered.toString());
                try (ResultSet rs = plan.executeQuery()) {
                    rs.next();
                    json = rs.getString(1);
                }
            } finally {
                st.execute("DROP FUNCTION pg_temp.plan(text)");
            }
        }
        List<String> scans = new ArrayList<>();
        scans(new ObjectMapper().readTree(json).get(0).get("Plan"), scans);
        assertTrue(scans.stream().anyMatch(s -> s.contains("Index")
                && Arrays.stream(indexes).anyMatch(index -> s.endsWith(" " + index))), scans + "\n" + sql);
        assertTrue(scans.stream().noneMatch(s -> s.equals("Seq Scan on appointments")), scans + "\n" + sql);
    }

    private static void scans(JsonNode plan, List<String> into) {
        String type = plan.get("Node Type").asText();
        if (type.contains("Scan")) {
            into.add(type + " on " + plan.path("Relation Name").asText()
                    + (plan.has("Index Name") ? " using " + plan.get("Index Name").asText() : ""));
        }
        plan.path("Plans").forEach(child -> scans(child, into));
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
