package clinic.audit;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every model with an access policy is audited under its table's path; nothing else is. */
@QuarkusTest
class AuditedModelsTest {

    @Inject
    AuditedModels models;

    @Test
    void shouldAuditEveryModelWithAnAccessPolicyByItsTablesPath() {
        assertEquals("Doctor", models.model("doctors"));
        assertEquals("Patient", models.model("patients"));
        assertEquals("Appointment", models.model("appointments"));
        assertEquals("AuditEvent", models.model("audit-events"));
        assertTrue(models.audited("/patients/1/access-log"));
        assertTrue(models.audited("/appointments"));
    }

    @Test
    void shouldNotAuditPathsThatAreNoModels() {
        assertNull(models.model("audit_events"));
        assertFalse(models.audited("/dev/token"));
        assertFalse(models.audited("/q/health/ready"));
        assertFalse(models.audited("/"));
    }
}
