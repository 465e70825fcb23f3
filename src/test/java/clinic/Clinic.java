package clinic;


import java.time.Duration;
import java.time.Instant;

import static clinic.Fixtures.createAppointment;
import static clinic.Fixtures.createDoctor;
import static clinic.Fixtures.createPatient;
import static clinic.Fixtures.slot;

/**
 * Two doctors, two patients and three appointments, made by an admin: d1–p1, d2–p2, and d2–p1, so p1 has two
 * doctors and d1 must not see p1's visit to d2. Every access test starts from one of its own.
 */
public record Clinic(long d1, long d2, long p1, long p2, long a11, long a22, long a21) {

    public static Clinic create() {
        long d1 = createDoctor();
        long d2 = createDoctor();
        long p1 = createPatient();
        long p2 = createPatient();
        Instant t = slot();
        return new Clinic(d1, d2, p1, p2, createAppointment(d1, p1, t),
                createAppointment(d2, p2, t.plus(Duration.ofHours(1))), createAppointment(d2, p1, t.plus(Duration.ofHours(2))));
    }

    public String token(String caller) {
        return switch (caller) {
            case "admin" -> Tokens.admin();
            case "clerk" -> Tokens.clerk();
            case "doctor" -> Tokens.doctor(d1);
            case "patient" -> Tokens.patient(p1);
            case "nurse" -> Tokens.of("nurse", null);
            case "doctor without profile" -> Tokens.of("doctor", null);
            default -> throw new IllegalArgumentException(caller);
        };
    }
}
