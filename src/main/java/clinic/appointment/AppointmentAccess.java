package clinic.appointment;

import clinic.model.Model;
import clinic.security.AccessPolicy;
import clinic.security.Caller;
import clinic.security.Grant;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static clinic.model.Where.where;
import static clinic.security.Role.admin;
import static clinic.security.Role.clerk;
import static clinic.security.Role.doctor;
import static clinic.security.Role.patient;

/**
 * The front desk books for everyone; a doctor books, reschedules and closes their own appointments but never moves
 * one to another doctor or patient; a patient books for themself and may only cancel.
 */
@ApplicationScoped
public class AppointmentAccess implements AccessPolicy {

    @Override
    public Class<? extends Model> model() {
        return Appointment.class;
    }

    @Override
    public List<Grant> grants() {
        return List.of(
                Grant.everything(admin),
                Grant.everything(clerk),
                Grant.to(doctor).reads(c -> where("doctorId", c.doctorId())).owns("doctorId", Caller::doctorId)
                        .creates().updates(Set.of("date", "durationMinutes", "status", "reason"), Map.of()),
                Grant.to(patient).reads(c -> where("patientId", c.patientId())).owns("patientId", Caller::patientId)
                        .creates(Map.of("status", Set.of("booked")))
                        .updates(Set.of("status"), Map.of("status", Set.of("cancelled"))));
    }
}
