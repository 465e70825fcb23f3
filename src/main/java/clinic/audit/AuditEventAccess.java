package clinic.audit;

import clinic.model.Model;
import clinic.security.AccessPolicy;
import clinic.security.Grant;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

import static clinic.model.Where.contains;
import static clinic.model.Where.where;
import static clinic.security.Role.admin;
import static clinic.security.Role.patient;

/** The trail is the admin's; a patient reads the events that touched them, through their access log only. */
@ApplicationScoped
public class AuditEventAccess implements AccessPolicy {

    @Override
    public Class<? extends Model> model() {
        return AuditEvent.class;
    }

    @Override
    public List<Grant> grants() {
        return List.of(
                Grant.to(admin),
                Grant.to(patient).reads(c -> where("patientIds", contains(c.patientId()))));
    }
}
