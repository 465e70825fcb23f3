package clinic.appointment;

import clinic.model.Access;
import clinic.web.problem.ProblemException;

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
            checkParties(appointment, true, true);
        }
    }

    /** A booking in service needs both parties: one being un-cancelled or moved is checked against them again. */
    public static void check(Appointment appointment) {
        boolean live = appointment.goesLive();
        checkParties(appointment, live || appointment.setsDoctor(), live || appointment.setsPatient());
    }

    /**
     * Whether the rows exist, not whether the caller may read them (a doctor books patients new to them): both in
     * one statement, since a new booking checks both and two counts were two round trips on its hot path.
     */
    private static void checkParties(Appointment appointment, boolean doctor, boolean patient) {
        if (!doctor && !patient) {
            return;
        }
        Object[] found = Access.asSystem(() -> (Object[]) Appointment.getEntityManager().createQuery(
                "select (select count(d) from Doctor d where d.id = :doctor and d.deletedAt is null),"
                        + " (select count(p) from Patient p where p.id = :patient and p.deletedAt is null)")
                .setParameter("doctor", appointment.doctorId).setParameter("patient", appointment.patientId)
                .getSingleResult());
        if (doctor && ((Number) found[0]).longValue() == 0) {
            throw ProblemException.missingReference("/doctorId", "Doctor", appointment.doctorId);
        }
        if (patient && ((Number) found[1]).longValue() == 0) {
            throw ProblemException.missingReference("/patientId", "Patient", appointment.patientId);
        }
    }
}
