package clinic.web;

import clinic.doctor.Doctor;
import clinic.model.TestData;
import clinic.patient.Patient;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Duration;
import java.time.Instant;

import static clinic.model.Where.endsWith;
import static clinic.model.Where.where;

/** The statement-count tests' clinic: doctors A–C and patients A–C of one tag, each pair booked twice (18 rows). */
final class NineCouples {

    private NineCouples() {
    }

    static void create(String tag) {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant start = TestData.someFutureHour();
            int slot = 0;
            for (int d = 0; d < 3; d++) {
                Doctor doctor = TestData.doctor(tag, "Doc " + (char) ('A' + d));
                for (int p = 0; p < 3; p++) {
                    Patient patient = d == 0 ? TestData.patient(tag, "Pat " + (char) ('A' + p))
                            : Patient.findOne(where("email",
                            "pat" + (char) ('a' + p) + "." + tag + "@model.test")).orElseThrow();
                    for (int k = 0; k < 2; k++) {
                        TestData.appointment(doctor, patient, start.plus(Duration.ofHours(slot++)));
                    }
                }
            }
        });
    }

    /** The three doctors' ids, comma-separated, for {@code where[doctorId][in]}. */
    static String doctorIds(String tag) {
        return String.join(",", QuarkusTransaction.requiringNew().call(() ->
                Doctor.findAll(where("email", endsWith("." + tag + "@model.test")))
                        .stream().map(d -> String.valueOf(d.id)).toList()));
    }
}
