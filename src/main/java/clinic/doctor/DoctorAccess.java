package clinic.doctor;

import clinic.model.Model;
import clinic.security.AccessPolicy;
import clinic.security.Caller;
import clinic.security.Grant;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

import static clinic.security.Role.admin;
import static clinic.security.Role.clerk;
import static clinic.security.Role.doctor;
import static clinic.security.Role.patient;

/** Everyone reads doctors; the front desk manages them; a doctor updates their own row. */
@ApplicationScoped
public class DoctorAccess implements AccessPolicy {

    @Override
    public Class<? extends Model> model() {
        return Doctor.class;
    }

    @Override
    public List<Grant> grants() {
        return List.of(
                Grant.everything(admin),
                Grant.everything(clerk),
                Grant.to(doctor).owns("id", Caller::doctorId).updates(),
                Grant.to(patient));
    }
}
