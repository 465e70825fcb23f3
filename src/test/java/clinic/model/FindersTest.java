package clinic.model;

import clinic.appointment.Appointment;
import clinic.doctor.Doctor;
import clinic.patient.Patient;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static clinic.model.FindOptions.Direction.DESC;
import static clinic.model.FindOptions.include;
import static clinic.model.FindOptions.limit;
import static clinic.model.FindOptions.offset;
import static clinic.model.FindOptions.order;
import static clinic.model.FindOptions.paranoid;
import static clinic.model.Where.gte;
import static clinic.model.Where.iLike;
import static clinic.model.Where.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestTransaction
class FindersTest {

    @Test
    void shouldFindByPkWithInclude() {
        String tag = TestData.tag();
        Doctor d = TestData.doctor(tag, "Ada");
        Patient p = TestData.patient(tag, "Ann");
        TestData.appointment(d, p, TestData.someFutureHour());

        Doctor found = Doctor.findByPk(d.id, include("appointments.patient")).orElseThrow();

        List<?> appointments = (List<?>) found.included("appointments");
        assertEquals(1, appointments.size());
        assertEquals(p.id, ((Appointment) appointments.get(0)).patient.id);
    }

    @Test
    void shouldFindOneByWhere() {
        String tag = TestData.tag();
        Patient p = TestData.patient(tag, "Bob");
        assertEquals(p.id, Patient.findOne(where("email", p.email)).orElseThrow().id);
        assertTrue(Patient.findOne(where("email", "nobody." + tag + "@model.test")).isEmpty());
    }

    @Test
    void shouldFindAllWithWhereOrderLimitOffset() {
        String tag = TestData.tag();
        Doctor d = TestData.doctor(tag, "Ada");
        Patient p = TestData.patient(tag, "Ann");
        Instant start = TestData.someFutureHour();
        for (int i = 0; i < 5; i++) {
            TestData.appointment(d, p, start.plus(Duration.ofHours(i)));
        }

        List<Appointment> page = Appointment.findAll(where("doctorId", d.id).and("date", gte(start.plusSeconds(3600))),
                order("date", DESC), limit(2), offset(1));

        assertEquals(List.of(start.plus(Duration.ofHours(3)), start.plus(Duration.ofHours(2))),
                page.stream().map(a -> a.date).toList());
    }

    @Test
    void shouldCountRootRowsWhateverIsIncluded() {
        String tag = TestData.tag();
        Doctor d = TestData.doctor(tag, "Ada");
        Patient p = TestData.patient(tag, "Ann");
        Instant start = TestData.someFutureHour();
        for (int i = 0; i < 3; i++) {
            TestData.appointment(d, p, start.plus(Duration.ofHours(i)));
        }

        Result<Doctor> result = Doctor.findAndCountAll(where("email", d.email), include("appointments", "patients"));

        assertEquals(1, result.count());
        assertEquals(3, ((List<?>) result.rows().get(0).included("appointments")).size());
        assertEquals(1, ((List<?>) result.rows().get(0).included("patients")).size());
    }

    @Test
    void shouldFilterParentsByRequiredInclude() {
        String tag = TestData.tag();
        Doctor busy = TestData.doctor(tag, "Busy");
        TestData.doctor(tag, "Idle");
        Patient p = TestData.patient(tag, "Ann");
        TestData.appointment(busy, p, TestData.someFutureHour());

        List<Doctor> found = Doctor.findAll(where("email", iLike("%." + tag + "@model.test")),
                include("appointments", where("patientId", p.id)));

        assertEquals(List.of(busy.id), found.stream().map(x -> x.id).toList());
    }

    @Test
    void shouldHideSoftDeletedRowsUnlessParanoidIsFalse() {
        String tag = TestData.tag();
        Doctor d = TestData.doctor(tag, "Gone");
        d.destroy();

        assertTrue(Doctor.findByPk(d.id).isEmpty());
        assertEquals(d.id, Doctor.findByPk(d.id, paranoid(false)).orElseThrow().id);
        assertEquals(0, Doctor.count(where("email", d.email)));
        assertEquals(1, Doctor.count(where("email", d.email), paranoid(false)));
    }

    @Test
    void shouldAggregateMaxMinSum() {
        String tag = TestData.tag();
        Doctor d = TestData.doctor(tag, "Ada");
        Patient p = TestData.patient(tag, "Ann");
        Instant start = TestData.someFutureHour();
        TestData.appointment(d, p, start);
        Appointment longer = TestData.appointment(d, p, start.plus(Duration.ofHours(2)));
        longer.durationMinutes = 90;
        longer.save();

        assertEquals(start.plus(Duration.ofHours(2)), Appointment.max("date", Instant.class, where("doctorId", d.id)));
        assertEquals(start, Appointment.min("date", Instant.class, where("doctorId", d.id)));
        assertEquals(120L, Appointment.sum("durationMinutes", where("doctorId", d.id)).longValue());
    }

    @Test
    void shouldApplyUpcomingScope() {
        String tag = TestData.tag();
        Doctor d = TestData.doctor(tag, "Ada");
        Patient p = TestData.patient(tag, "Ann");
        Appointment future = TestData.appointment(d, p, TestData.someFutureHour());
        Appointment cancelled = TestData.appointment(d, p, future.date.plus(Duration.ofDays(1)));
        cancelled.status = Appointment.Status.cancelled;
        cancelled.save();

        List<Appointment> upcoming = Appointment.findAll(Appointment.upcoming().and("doctorId", d.id));

        assertEquals(List.of(future.id), upcoming.stream().map(a -> a.id).toList());
    }

    @Test
    void shouldRejectUnknownAttributeNamingTheAllowedOnes() {
        QueryException e = assertThrows(QueryException.class, () -> Doctor.findAll(where("nmae", "x")));
        assertTrue(e.getMessage().contains("allowed: id, "), e.getMessage());
        assertFalse(e.getMessage().contains("appointments"), e.getMessage());
    }

    @Test
    void shouldRejectOperatorThatDoesNotFitTheType() {
        QueryException e = assertThrows(QueryException.class,
                () -> Appointment.findAll(where("durationMinutes", iLike("%3%"))));
        assertEquals("durationMinutes", e.subject);
    }
}
