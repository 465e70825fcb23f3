package clinic.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static clinic.Fixtures.appointment;
import static clinic.Fixtures.create;
import static clinic.Fixtures.createDoctor;
import static clinic.Fixtures.createPatient;
import static clinic.Fixtures.json;
import static clinic.Fixtures.map;
import static clinic.Fixtures.slot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Refused writes (a taken email, an overlapping booking, by POST, PATCH and PUT) leave no patient data in the log:
 * every record logged meanwhile, at any level and with its exceptions, is searched for each value sent.
 */
@QuarkusTest
class LogPrivacyTest {

    /** Raised to DEBUG for the test, as someone chasing a problem would: what they print must not show values. */
    private static final List<String> RAISED = List.of("org.hibernate", "org.postgresql", "io.agroal", "com.arjuna",
            "io.quarkus.narayana", "clinic");

    private final Capture capture = new Capture();
    private final Map<String, Level> levels = new HashMap<>();

    @BeforeEach
    void capture() {
        Logger.getLogger("").addHandler(capture);
        for (String name : RAISED) {
            Logger logger = Logger.getLogger(name);
            levels.put(name, logger.getLevel());
            logger.setLevel(Level.FINE);
        }
    }

    @AfterEach
    void release() {
        levels.forEach((name, level) -> Logger.getLogger(name).setLevel(level));
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void shouldLogNoValueOfARefusedWrite() {
        List<String> sent = new ArrayList<>();
        for (String resource : List.of("doctors", "patients")) {
            Map<String, Object> taken = person(resource, sent);
            long other = create("/" + resource, person(resource, sent));
            create("/" + resource, taken);
            Map<String, Object> again = person(resource, sent);
            again.put("email", taken.get("email"));
            refused(() -> json(again).post("/" + resource), 409);
            refused(() -> json(map("email", taken.get("email"), "phone", again.get("phone")))
                    .patch("/" + resource + "/" + other), 409);
            refused(() -> json(again).put("/" + resource + "/" + other), 409);
        }
        long doctor = createDoctor();
        long patient = createPatient();
        Instant at = slot();
        create("/appointments", appointment(doctor, patient, at));
        long elsewhere = create("/appointments", appointment(doctor, patient, at.plus(Duration.ofDays(1))));
        for (var booking : List.of(appointment(doctor, createPatient(), at.plusSeconds(600)),
                appointment(createDoctor(), patient, at.plusSeconds(900)))) {
            booking.put("reason", secret(sent));
            sent.add(at.toString().substring(0, 10));
            refused(() -> json(booking).post("/appointments"), 409);
            refused(() -> json(map("date", booking.get("date"), "reason", booking.get("reason")))
                    .patch("/appointments/" + elsewhere), 409);
        }
        Logger.getLogger(LogPrivacyTest.class.getName()).warning("capture works");
        String log = capture.text();
        assertTrue(log.contains("capture works"), "the capture sees the log");
        for (String value : sent) {
            assertTrue(!log.contains(value) && !log.contains(value.toLowerCase()),
                    "the log shows '" + value + "':\n" + log);
        }
    }

    private static void refused(Supplier<Response> write, int status) {
        assertEquals(status, write.get().statusCode());
    }

    private static Map<String, Object> person(String resource, List<String> sent) {
        Map<String, Object> p = map("name", secret(sent), "email", secret(sent) + "@privacy.test",
                "phone", "+1 " + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
        sent.add((String) p.get("phone"));
        if (resource.equals("patients")) {
            String birth = LocalDate.of(1900, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(40_000)).toString();
            p.put("birthDate", birth);
            sent.add(birth);
        }
        sent.add((String) p.get("email"));
        return p;
    }

    private static String secret(List<String> sent) {
        String s = "Secret" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        sent.add(s);
        return s;
    }

    /** Every record, formatted with its parameters, its exception chain and suppressed exceptions. */
    static final class Capture extends Handler {

        private final StringBuilder text = new StringBuilder();

        Capture() {
            setLevel(Level.ALL);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            text.append(record.getLevel()).append(' ').append(record.getLoggerName()).append(' ')
                    .append(new java.util.logging.SimpleFormatter().formatMessage(record)).append('\n');
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append(trace);
            }
        }

        synchronized String text() {
            return text.toString();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
