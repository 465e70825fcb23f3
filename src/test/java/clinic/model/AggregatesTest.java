package clinic.model;

import clinic.appointment.Appointment;
import clinic.doctor.Doctor;
import clinic.patient.Patient;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static clinic.model.Aggregates.attributes;
import static clinic.model.Aggregates.col;
import static clinic.model.Aggregates.fn;
import static clinic.model.Aggregates.group;
import static clinic.model.Aggregates.having;
import static clinic.model.FindOptions.Direction.DESC;
import static clinic.model.FindOptions.order;
import static clinic.model.Where.gt;
import static clinic.model.Where.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sequelize's {@code findAll({attributes: [[fn, alias], …], group, having, raw: true})} as maps, narrowed. */
@QuarkusTest
@TestTransaction
class AggregatesTest {

    @Inject
    RequestAccess access;

    /** Ada: two booked (30 and 60 minutes), one cancelled; Bo: one booked. */
    private record Agenda(Doctor ada, Doctor bo) {
    }

    private static Agenda agenda() {
        String tag = TestData.tag();
        Doctor ada = TestData.doctor(tag, "Ada");
        Doctor bo = TestData.doctor(tag, "Bo");
        Patient ann = TestData.patient(tag, "Ann");
        Instant t = TestData.someFutureHour();
        TestData.appointment(ada, ann, t);
        Appointment long_ = TestData.appointment(ada, ann, t.plus(Duration.ofHours(1)));
        long_.durationMinutes = 60;
        long_.save();
        Appointment cancelled = TestData.appointment(ada, ann, t.plus(Duration.ofHours(3)));
        cancelled.status = Appointment.Status.cancelled;
        cancelled.save();
        TestData.appointment(bo, ann, t.plus(Duration.ofHours(5)));
        return new Agenda(ada, bo);
    }

    @Test
    void shouldCountAndSumPerGroupUnderTheirAliases() {
        Agenda a = agenda();
        assertEquals(List.of(Map.of("status", "booked", "n", 2L, "minutes", 90L),
                        Map.of("status", "cancelled", "n", 1L, "minutes", 30L)),
                Appointment.aggregate(attributes("status", fn("count", col("id")).as("n"),
                        fn("sum", col("durationMinutes")).as("minutes")), group("status"), where("doctorId", a.ada.id)));
    }

    @Test
    void shouldFilterGroupsWithHavingAndOrderByAnAlias() {
        Agenda a = agenda();
        var where = where("doctorId", Where.in(List.of(a.ada.id, a.bo.id)));
        assertEquals(List.of(Map.of("doctorId", a.ada.id, "n", 3L)), Appointment.aggregate(
                attributes("doctorId", fn("count", col("id")).as("n")), group("doctorId"), having(where("n", gt(1))),
                where));
        List<Map<String, Object>> byMax = Appointment.aggregate(attributes("doctorId",
                fn("max", col("durationMinutes")).as("longest")), group("doctorId"), order("longest", DESC), where);
        assertEquals(List.of(a.ada.id, a.bo.id), byMax.stream().map(r -> r.get("doctorId")).toList());
        assertEquals(60, byMax.get(0).get("longest"));
    }

    @Test
    void shouldAggregateWithoutGroupToOneRow() {
        Agenda a = agenda();
        assertEquals(List.of(Map.of("count", 3L)),
                Appointment.aggregate(attributes(fn("count", col("id"))), where("doctorId", a.ada.id)));
    }

    @Test
    void shouldSeeOnlyTheRowsTheAccessMaySee() {
        Agenda a = agenda();
        Where both = where("doctorId", Where.in(List.of(a.ada.id, a.bo.id)));
        access.actAs(model -> model.type == Appointment.class ? where("doctorId", a.bo.id) : null);
        try {
            assertEquals(List.of(Map.of("doctorId", a.bo.id, "count", 1L)),
                    Appointment.countBy(List.of("doctorId"), both));
            assertEquals(List.of(Map.of("n", 1L)), Appointment.aggregate(attributes(fn("count", col("id")).as("n")),
                    both));
        } finally {
            access.actAs(Access.SYSTEM);
        }
    }

    @Test
    void shouldRefuseWhatSqlWouldRefuseNamingWhatIsAllowed() {
        QueryException ungrouped = assertThrows(QueryException.class, () -> Appointment.aggregate(
                attributes("reason", fn("count", col("id"))), group("status")));
        assertTrue(ungrouped.getMessage().contains("[status]"), ungrouped.getMessage());
        assertThrows(QueryException.class, () -> Appointment.aggregate(attributes(fn("sum", col("reason")))));
        assertThrows(QueryException.class, () -> Appointment.aggregate(attributes(fn("pg_sleep", col("id")))));
        assertThrows(QueryException.class, () -> Appointment.aggregate(attributes(fn("count", col("nope")))));
        QueryException unselected = assertThrows(QueryException.class, () -> Appointment.aggregate(
                attributes(fn("count", col("id")).as("n")), having(where("m", gt(1)))));
        assertTrue(unselected.getMessage().contains("[n]"), unselected.getMessage());
        assertThrows(QueryException.class, () -> Appointment.findAll(group("status")), "a find never ignores group");
    }
}
