package clinic.model;

import clinic.SqlLog;
import clinic.appointment.Appointment;
import clinic.doctor.Doctor;
import clinic.patient.Patient;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static clinic.model.FindOptions.Direction.DESC;
import static clinic.model.FindOptions.include;
import static clinic.model.FindOptions.order;
import static clinic.model.Include.assoc;
import static clinic.model.Where.iLike;
import static clinic.model.Where.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An include's limit cuts each parent's rows in SQL: the rows past it never leave the database. */
@QuarkusTest
@TestTransaction
class PerParentLimitTest {

    @Inject
    EntityManager em;

    @Inject
    SessionFactory sessionFactory;

    private String tag;
    private TestData.People people;
    private Instant t;

    /** Ada: Ann at t, t+2h, t+4h, Bob at t+1h; Bea: Bob at t. */
    private void clinic() {
        tag = TestData.tag();
        people = TestData.people(tag);
        t = TestData.someFutureHour();
        for (int h = 0; h < 5; h += 2) {
            TestData.appointment(people.ada(), people.ann(), t.plus(Duration.ofHours(h)));
        }
        TestData.appointment(people.ada(), people.bob(), t.plus(Duration.ofHours(1)));
        TestData.appointment(people.bea(), people.bob(), t);
        em.flush();
        em.clear();
    }

    @Test
    void shouldLoadOnlyEachParentsFirstRowsOfAHasMany() {
        clinic();
        Statistics stats = sessionFactory.getStatistics();
        long loadsBefore = stats.getEntityLoadCount();
        List<Doctor> doctors = new ArrayList<>();
        String sql = SqlLog.holding(SqlLog.during(() -> doctors.addAll(Doctor.findAll(mine(), order("name"),
                include(assoc("appointments").order("date", DESC).limit(2))))), "from appointments");
        assertEquals(2 + 2 + 1, stats.getEntityLoadCount() - loadsBefore, "2 doctors, 2 of Ada's 4 rows, Bea's 1");
        assertTrue(sql.contains("dense_rank() over(partition by"), sql);
        assertEquals(List.of(t.plus(Duration.ofHours(4)), t.plus(Duration.ofHours(2))),
                rows(doctors.get(0), "appointments").stream().map(a -> ((Appointment) a).date).toList());
        assertEquals(1, rows(doctors.get(1), "appointments").size());
    }

    @Test
    void shouldCountABelongsToManyTargetOnceWhateverItsThroughRows() {
        clinic();
        List<Doctor> doctors = Doctor.findAll(mine(), order("name"), include(assoc("patients")
                .order("name", FindOptions.Direction.ASC).limit(2)));
        assertEquals(List.of(people.ann().id, people.bob().id), ids(rows(doctors.get(0), "patients")),
                "Ann's 3 rows rank once");
        assertEquals(List.of(people.bob().id), ids(rows(doctors.get(1), "patients")));
        List<Doctor> last = Doctor.findAll(mine(), order("name"), include(assoc("patients").order("name", DESC)
                .limit(1)));
        assertEquals(List.of(people.bob().id), ids(rows(last.get(0), "patients")));
    }

    @Test
    void shouldLimitTheRowsThatPassTheIncludesWhereAndAccess() {
        clinic();
        List<Patient> patients = Patient.findAll(where("id", people.ann().id), include(assoc("appointments")
                .where(where("date", Where.gt(t))).order("date", FindOptions.Direction.ASC).limit(1)));
        Appointment only = (Appointment) rows(patients.get(0), "appointments").get(0);
        assertEquals(t.plus(Duration.ofHours(2)), only.date, "the first after t, not the first overall");
    }

    private Where mine() {
        return where("email", iLike("%." + tag + "@model.test"));
    }

    @SuppressWarnings("unchecked")
    private static List<Model> rows(Model parent, String association) {
        return (List<Model>) parent.included(association);
    }

    private static List<Long> ids(List<Model> rows) {
        return rows.stream().map(r -> r.id).toList();
    }
}
