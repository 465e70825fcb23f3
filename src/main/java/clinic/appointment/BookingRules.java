package clinic.appointment;

import clinic.doctor.Doctor;
import clinic.model.Access;
import clinic.patient.Patient;
import clinic.web.ProblemException;

import static clinic.model.Where.where;

/**
 * What a booking needs besides its own fields: a doctor and a patient that exist and are not deleted, checked
 * when they are set, so the history of a deleted doctor's appointments can still be updated (e.g. cancelled).
 * Overlaps are left to the database's exclusion constraints, the only check that holds under concurrency.
 */
public final class BookingRules {

    private BookingRules() {
    }

    /** A restore brings a live booking back: its doctor and patient must still be there. */
    static void checkRestore(Appointment appointment) {
        if (!appointment.freesSlot()) {
            checkParties(appointment);
        }
    }

    /** A booking in service needs both parties: one being un-cancelled or moved is checked against them again. */
    private static void checkParties(Appointment appointment) {
        if (Access.asSystem(() -> Doctor.count(where("id", appointment.doctorId))) == 0) {
            throw ProblemException.missingReference("/doctorId", "Doctor", appointment.doctorId);
        }
        if (Access.asSystem(() -> Patient.count(where("id", appointment.patientId))) == 0) {
            throw ProblemException.missingReference("/patientId", "Patient", appointment.patientId);
        }
    }

    public static void check(Appointment appointment) {
        if (appointment.goesLive()) {
            checkParties(appointment);
        }
        // whether the row exists, not whether the caller may read it: a doctor books patients new to them
        if (appointment.setsDoctor() && Access.asSystem(() -> Doctor.count(where("id", appointment.doctorId))) == 0) {
            throw ProblemException.missingReference("/doctorId", "Doctor", appointment.doctorId);
        }
        if (appointment.setsPatient()
                && Access.asSystem(() -> Patient.count(where("id", appointment.patientId))) == 0) {
            throw ProblemException.missingReference("/patientId", "Patient", appointment.patientId);
        }
    }
}
