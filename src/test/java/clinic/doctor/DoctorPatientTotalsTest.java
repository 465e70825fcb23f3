package clinic.doctor;

import clinic.Api;
import clinic.SqlLog;
import clinic.Tokens;
import clinic.appointment.Appointment;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static clinic.Api.given;
import static clinic.Fixtures.createAppointment;
import static clinic.Fixtures.createDoctor;
import static clinic.Fixtures.createPatient;
import static clinic.Fixtures.delete;
import static clinic.Fixtures.email;
import static clinic.Fixtures.json;
import static clinic.Fixtures.map;
import static clinic.Fixtures.patient;
import static clinic.Fixtures.slot;
import static clinic.model.Where.where;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The counts the database keeps of each doctor's patients and each patient's doctors (009-doctor-patient-totals)
 * equal a recount from scratch after every kind of write, and X-Total-Count equals the full list's length, for the
 * front desk (the kept total) and for a narrowed doctor or patient (the counted fallback).
 */
@QuarkusTest
class DoctorPatientTotalsTest {

    /** Every kept row against the appointments, patients and doctors, both ways: what differs, as text. */
    static final String DRIFT = """
            WITH pairs AS (SELECT doctor_id, patient_id, count(*)::int AS n FROM appointments
                           WHERE deleted_at IS NULL GROUP BY 1, 2),
                 expected AS (SELECT 'pair' AS kind, doctor_id AS a, patient_id AS b, n FROM pairs
                              UNION ALL SELECT 'doctor', pairs.doctor_id, 0, count(*)::int FROM pairs
                                JOIN patients p ON p.id = pairs.patient_id AND p.deleted_at IS NULL GROUP BY 2
                              UNION ALL SELECT 'patient', pairs.patient_id, 0, count(*)::int FROM pairs
                                JOIN doctors d ON d.id = pairs.doctor_id AND d.deleted_at IS NULL GROUP BY 2),
                 kept AS (SELECT 'pair' AS kind, doctor_id AS a, patient_id AS b, appointments AS n
                          FROM doctor_patients
                          UNION ALL SELECT 'doctor', doctor_id, 0, patients FROM doctor_patient_totals
                          UNION ALL SELECT 'patient', patient_id, 0, doctors FROM patient_doctor_totals)
            SELECT 'missing ' || m::text FROM (TABLE expected EXCEPT ALL TABLE kept) m
            UNION ALL SELECT 'extra ' || x::text FROM (TABLE kept EXCEPT ALL TABLE expected) x""";

    @Inject
    AgroalDataSource db;

    private final String clerk = Tokens.clerk();

    @Test
    void shouldKeepTheTotalsExactThroughEveryKindOfWrite() throws Exception {
        long ada = createDoctor();
        long bea = createDoctor();
        long ann = createPatient();
        long bob = createPatient();
        long cat = createPatient();
        List<Long> doctors = List.of(ada, bea);
        List<Long> patients = List.of(ann, bob, cat);
        Instant t = slot();
        assertExact(doctors, patients);
        long first = createAppointment(ada, ann, t);
        assertExact(doctors, patients);
        long second = createAppointment(ada, ann, t.plus(Duration.ofHours(1)));
        assertExact(doctors, patients);
        long bobs = createAppointment(ada, bob, t.plus(Duration.ofHours(2)));
        json(Map.of("status", "cancelled")).patch("/appointments/" + bobs).then().statusCode(200);
        assertExact(doctors, patients);
        delete("/appointments/" + bobs);
        assertExact(doctors, patients);
        given().post("/appointments/" + bobs + "/restore").then().statusCode(200);
        assertExact(doctors, patients);
        delete("/appointments/" + first + "?force=true");
        assertExact(doctors, patients);
        delete("/appointments/" + second);
        delete("/appointments/" + second + "?force=true");
        assertExact(doctors, patients);

        long moved = createAppointment(ada, cat, t.plus(Duration.ofHours(3)));
        json(Map.of("doctorId", bea)).patch("/appointments/" + moved).then().statusCode(200);
        assertExact(doctors, patients);
        json(Map.of("patientId", ann)).patch("/appointments/" + moved).then().statusCode(200);
        assertExact(doctors, patients);
        json(Map.of("doctorId", ada, "patientId", bob)).patch("/appointments/" + moved).then().statusCode(200);
        assertExact(doctors, patients);

        createAppointment(bea, bob, t.plus(Duration.ofHours(4)));
        delete("/patients/" + bob);
        assertExact(doctors, List.of(ann, cat));
        given().post("/patients/" + bob + "/restore").then().statusCode(200);
        assertExact(doctors, patients);
        delete("/doctors/" + ada);
        assertExact(List.of(bea), patients);
        given().post("/doctors/" + ada + "/restore").then().statusCode(200);
        assertExact(doctors, patients);
    }

    @Test
    void shouldKeepTheTotalsExactThroughBulkAndNestedWrites() throws Exception {
        long ada = createDoctor();
        long bea = createDoctor();
        long ann = createPatient();
        long bob = createPatient();
        Instant t = slot();
        createAppointment(ada, ann, t);
        long bobs = createAppointment(ada, bob, t.plus(Duration.ofHours(1)));
        QuarkusTransaction.requiringNew().run(() -> Appointment.destroy(where("doctorId", ada), false));
        assertExact(List.of(ada, bea), List.of(ann, bob));
        QuarkusTransaction.requiringNew().run(() -> Appointment.restore(where("doctorId", ada)));
        assertExact(List.of(ada, bea), List.of(ann, bob));
        QuarkusTransaction.requiringNew().run(() -> Appointment.update(Map.of("doctorId", bea), where("id", bobs)));
        assertExact(List.of(ada, bea), List.of(ann, bob));

        Map<String, Object> nested = patient(email("pt"));
        nested.put("appointments", List.of(map("doctorId", ada, "date", t.plus(Duration.ofHours(2)).toString()),
                map("doctorId", bea, "date", t.plus(Duration.ofHours(3)).toString())));
        long cat = json(nested).post("/patients").then().statusCode(201).extract().jsonPath().getLong("id");
        assertExact(List.of(ada, bea), List.of(ann, bob, cat));
    }

    /**
     * 20 bookings of one doctor at once (15 new patients, 5 second visits of known ones) and 5 patients deleted
     * while they are being booked: the totals that queue on one row end exact.
     */
    @Test
    void shouldKeepTheTotalsExactUnderConcurrentBookingsAndDeletes() throws Exception {
        long ada = createDoctor();
        Instant t = slot();
        List<Long> patients = new ArrayList<>();
        List<Runnable> writes = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            long p = createPatient();
            patients.add(p);
            Instant at = t.plus(Duration.ofHours(i));
            writes.add(() -> json(clinic.Fixtures.appointment(ada, p, at)).post("/appointments").then()
                    .statusCode(201));
        }
        for (int i = 0; i < 5; i++) {
            long p = patients.get(i);
            createAppointment(ada, p, t.minus(Duration.ofHours(i + 1)));
            Instant at = t.plus(Duration.ofHours(20 + i));
            writes.add(() -> json(clinic.Fixtures.appointment(ada, p, at)).post("/appointments").then()
                    .statusCode(201));
        }
        for (int i = 0; i < 5; i++) {
            long p = createPatient();
            patients.add(p);
            Instant at = t.plus(Duration.ofHours(30 + i));
            // the booking may lose to the delete (the patient is gone: 422) or win it; either way the totals hold
            writes.add(() -> json(clinic.Fixtures.appointment(ada, p, at)).post("/appointments"));
            writes.add(() -> given().delete("/patients/" + p).then().statusCode(204));
        }
        race(writes);
        assertEquals(List.of(), drift());
        assertExact(List.of(ada), patients.subList(0, 15));
        assertEquals("15", given().get("/doctors/" + ada + "/patients?limit=1").header("X-Total-Count"));
    }

    @Test
    void shouldReadTheKeptTotalForTheFrontDeskAndCountANarrowedOrFilteredList() {
        long ada = createDoctor();
        long bea = createDoctor();
        long ann = createPatient();
        long bob = createPatient();
        Instant t = slot();
        createAppointment(ada, ann, t);
        createAppointment(ada, bob, t.plus(Duration.ofHours(1)));
        createAppointment(bea, ann, t.plus(Duration.ofHours(2)));
        json(Map.of("name", "Zed")).patch("/patients/" + bob).then().statusCode(200);
        String patients = "/doctors/" + ada + "/patients?limit=1";

        List<String> kept = SqlLog.during(() -> Api.as(clerk).get(patients).then().statusCode(200)
                .header("X-Total-Count", "2"));
        assertEquals(List.of(1, 0), reads(kept, "doctor_patient_totals"), kept.toString());
        List<String> mirror = SqlLog.during(() -> Api.as(clerk).get("/patients/" + ann + "/doctors?limit=1").then()
                .statusCode(200).header("X-Total-Count", "2"));
        assertEquals(List.of(1, 0), reads(mirror, "patient_doctor_totals"), mirror.toString());
        long fresh = createDoctor();
        List<String> none = SqlLog.during(() -> Api.as(clerk).get("/doctors/" + fresh + "/patients?offset=5")
                .then().statusCode(200).header("X-Total-Count", "0"));
        assertEquals(List.of(1, 0), reads(none, "doctor_patient_totals"), "no row: 0 " + none);

        List<String> narrowed = SqlLog.during(() -> Api.as(Tokens.doctor(ada)).get(patients).then()
                .statusCode(200).header("X-Total-Count", "2"));
        assertEquals(List.of(0, 1), reads(narrowed, "doctor_patient_totals"), narrowed.toString());
        List<String> filtered = SqlLog.during(() -> Api.as(clerk).get(patients + "&where[name][like]=Pat%").then()
                .header("X-Total-Count", "1"));
        assertEquals(List.of(0, 1), reads(filtered, "doctor_patient_totals"), filtered.toString());
    }

    /** How many statements read the kept totals table, and how many counted with a query. */
    private static List<Integer> reads(List<String> sql, String table) {
        return List.of((int) sql.stream().filter(s -> s.contains(" from " + table + " ")).count(),
                (int) sql.stream().filter(s -> s.startsWith("select count(")).count());
    }

    /** The kept totals match a recount, and each owner's X-Total-Count is its whole list's length, for every caller. */
    private void assertExact(List<Long> doctors, List<Long> patients) throws SQLException {
        assertEquals(List.of(), drift());
        for (long doctor : doctors) {
            for (String token : List.of(Tokens.admin(), clerk, Tokens.doctor(doctor))) {
                assertTotal(token, "/doctors/" + doctor + "/patients");
            }
        }
        for (long patient : patients) {
            for (String token : List.of(Tokens.admin(), clerk, Tokens.patient(patient))) {
                assertTotal(token, "/patients/" + patient + "/doctors");
            }
        }
    }

    /** A page of one (a full page: the count is asked for), and one past the end, against the unpaged list. */
    private static void assertTotal(String token, String path) {
        int all = Api.as(token).get(path).then().statusCode(200).extract().jsonPath().getList("id").size();
        String total = String.valueOf(all);
        Api.as(token).get(path + "?limit=1").then().statusCode(200).header("X-Total-Count", total);
        Api.as(token).get(path + "?limit=1&offset=1000").then().statusCode(200).header("X-Total-Count", total);
    }

    List<String> drift() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(DRIFT)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static void race(List<Runnable> writes) throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(writes.size());
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (Runnable write : writes) {
            done.add(pool.submit(() -> {
                start.await();
                write.run();
                return null;
            }));
        }
        start.countDown();
        try {
            for (var f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
