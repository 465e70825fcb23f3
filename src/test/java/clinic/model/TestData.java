package clinic.model;

import clinic.appointment.Appointment;
import clinic.doctor.Doctor;
import clinic.patient.Patient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Rows for model tests: unique emails and far-future dates, so tests never meet each other's rows. */
public final class TestData {

    private TestData() {
    }

    public static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public static Doctor doctor(String tag, String name) {
        Doctor d = new Doctor();
        d.name = name;
        d.email = name.toLowerCase().replaceAll("[^a-z]", "") + "." + tag + "@model.test";
        d.specialty = "Cardiology";
        d.save();
        return d;
    }

    public static Patient patient(String tag, String name) {
        Patient p = new Patient();
        p.name = name;
        p.email = name.toLowerCase().replaceAll("[^a-z]", "") + "." + tag + "@model.test";
        p.save();
        return p;
    }

    public static Appointment appointment(Doctor d, Patient p, Instant at) {
        Appointment a = new Appointment();
        a.doctorId = d.id;
        a.patientId = p.id;
        a.date = at;
        a.save();
        return a;
    }

    /** Doctors Ada and Bea, patients Ann and Bob, of one tag: the include tests' people, before any booking. */
    public record People(Doctor ada, Doctor bea, Patient ann, Patient bob) {
    }

    public static People people(String tag) {
        return new People(doctor(tag, "Ada"), doctor(tag, "Bea"), patient(tag, "Ann"), patient(tag, "Bob"));
    }

    /** A random hour in the 22nd century, far from every other test's bookings. */
    public static Instant someFutureHour() {
        long hours = ThreadLocalRandom.current().nextLong(24L * 365 * 70);
        return Instant.parse("2130-01-01T00:00:00Z").plus(hours, ChronoUnit.HOURS);
    }
}
