package clinic.patient;

import clinic.doctor.Doctor;
import clinic.model.Model;
import clinic.model.ModelInfo;
import clinic.model.Where;
import clinic.security.AccessPolicy;
import clinic.security.Caller;
import clinic.security.Grant;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

import static clinic.model.Where.where;
import static clinic.security.Role.admin;
import static clinic.security.Role.clerk;
import static clinic.security.Role.doctor;
import static clinic.security.Role.patient;

/** The front desk manages patients; a doctor reads the patients they have appointments with; a patient, self. */
@ApplicationScoped
public class PatientAccess implements AccessPolicy {

    @Override
    public Class<? extends Model> model() {
        return Patient.class;
    }

    @Override
    public List<Grant> grants() {
        return List.of(
                Grant.everything(admin),
                Grant.everything(clerk),
                Grant.to(doctor).reads(c -> Where.associatedWith(
                        ModelInfo.of(Doctor.class).association("patients"), c.doctorId())),
                Grant.to(patient).reads(c -> where("id", c.patientId())).owns("id", Caller::patientId).updates());
    }
}
