package clinic.model;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agenda filters (doctor or patient, date range, order by date) are served by an index, not a scan. */
@QuarkusTest
@TestTransaction
class AgendaIndexTest {

    @Inject
    EntityManager em;

    @Test
    void shouldServeTheDoctorAgendaFromAnIndex() {
        assertTrue(plan("doctor_id").contains("appointments_doctor_date_idx"), plan("doctor_id"));
    }

    @Test
    void shouldServeThePatientAgendaFromAnIndex() {
        assertTrue(plan("patient_id").contains("appointments_patient_date_idx"), plan("patient_id"));
    }

    /** The plan with sequential scans priced out, as on a table large enough to matter. */
    @SuppressWarnings("unchecked")
    private String plan(String owner) {
        em.createNativeQuery("SET LOCAL enable_seqscan = off").executeUpdate();
        List<String> lines = em.createNativeQuery("EXPLAIN SELECT * FROM appointments WHERE " + owner + " = 1"
                + " AND starts_at >= now() AND deleted_at IS NULL ORDER BY starts_at, id LIMIT 20").getResultList();
        return String.join("\n", lines);
    }
}
