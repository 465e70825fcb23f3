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

import static clinic.model.Where.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Named scopes as bundles of find options, merged (wheres ANDed, includes added), with arguments; unscoped. */
@QuarkusTest
@TestTransaction
class ScopesTest {

    @Test
    void shouldMergeScopesAndTheCallersOptions() {
        String tag = TestData.tag();
        Doctor ada = TestData.doctor(tag, "Ada");
        Patient ann = TestData.patient(tag, "Ann");
        Instant t = TestData.someFutureHour();
        Appointment live = TestData.appointment(ada, ann, t);
        Appointment cancelled = TestData.appointment(ada, ann, t.plus(Duration.ofHours(1)));
        cancelled.status = Appointment.Status.cancelled;
        cancelled.save();

        List<Appointment> rows = Appointment.scope("upcoming", "withPeople").findAll(where("doctorId", ada.id));
        assertEquals(List.of(live.id), rows.stream().map(a -> a.id).toList());
        assertTrue(org.hibernate.Hibernate.isInitialized(rows.get(0).doctor), "withPeople joined the doctor");
        assertEquals(1, Appointment.scope("upcoming").count(where("doctorId", ada.id)));
        assertEquals(2, Finder.of(Appointment.class).scope("ofDoctor", ada.id).count());
        assertEquals(2, Finder.of(Appointment.class).unscoped().count(where("doctorId", ada.id)));
    }

    @Test
    void shouldRefuseAnUnknownScopeNamingTheAllowedOnes() {
        QueryException e = assertThrows(QueryException.class, () -> Appointment.scope("later"));
        assertTrue(e.getMessage().contains("allowed: ofDoctor, upcoming, withPeople"), e.getMessage());
    }

    @Test
    void shouldCountPerGroupWithinTheWhereAndTheScope() {
        String tag = TestData.tag();
        Doctor ada = TestData.doctor(tag, "Ada");
        Patient ann = TestData.patient(tag, "Ann");
        Instant t = TestData.someFutureHour();
        TestData.appointment(ada, ann, t);
        TestData.appointment(ada, ann, t.plus(Duration.ofHours(1)));
        Appointment third = TestData.appointment(ada, ann, t.plus(Duration.ofHours(2)));
        third.status = Appointment.Status.cancelled;
        third.save();
        assertEquals(List.of(java.util.Map.of("status", "booked", "count", 2L),
                        java.util.Map.of("status", "cancelled", "count", 1L)),
                Appointment.countBy(List.of("status"), where("doctorId", ada.id)));
        assertEquals(List.of(java.util.Map.of("status", "booked", "count", 2L)),
                Appointment.scope("upcoming").countBy(List.of("status"), where("doctorId", ada.id)));
    }
}
