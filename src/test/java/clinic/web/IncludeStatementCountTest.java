package clinic.web;

import clinic.doctor.Doctor;
import clinic.model.TestData;
import clinic.patient.Patient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static clinic.Api.given;
import static clinic.model.Where.endsWith;
import static clinic.model.Where.where;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Include objects (where, required, limit, attributes, nested) cost a fixed number of statements per page size. */
@QuarkusTest
class IncludeStatementCountTest {

    @Inject
    SessionFactory sessionFactory;

    private String tag;
    private Statistics stats;

    @BeforeEach
    void createClinic() {
        stats = sessionFactory.getStatistics();
        tag = TestData.tag();
        // 3 doctors x 3 patients, each pair booked twice: 18 appointments
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

    @Test
    void shouldLoadDoctorsWithFilteredLimitedProjectedNestedIncludesInFourStatements() {
        String include = "&include[0][association]=appointments&include[0][where][status]=booked"
                + "&include[0][order]=date:desc&include[0][limit]=2&include[0][attributes]=date"
                + "&include[0][include][0][association]=patient&include[0][include][0][attributes]=name"
                + "&include[0][include][0][where][name][startsWith]=Pat";
        for (int limit : new int[] {1, 3}) {
            long statements = count(() -> given().get("/doctors?where[email][endsWith]=." + tag + "@model.test"
                    + "&attributes=name&limit=" + limit + include).then().statusCode(200).body("$", hasSize(limit))
                    .body("[0].appointments", hasSize(2)).body("[0].appointments[0].patient.name", notNullValue()));
            assertEquals(4, statements, "count, doctors, appointments, patients at limit " + limit);
        }
    }

    @Test
    void shouldLoadProjectedAppointmentsWithTheirToOnesInFourStatements() {
        String doctorIds = doctorIds();
        for (int limit : new int[] {3, 18}) {
            long statements = count(() -> given().get("/appointments?where[doctorId][in]=" + doctorIds
                    + "&attributes=id,date&include[0][association]=doctor&include[0][attributes]=name"
                    + "&include[1][association]=patient&include[1][required]=true&include[1][where][name][ne]=x"
                    + "&limit=" + limit).then().statusCode(200).body("$", hasSize(limit))
                    .body("doctor", everyItem(notNullValue())));
            assertEquals(4, statements, "count, appointments, doctors, patients at limit " + limit);
        }
    }

    @Test
    void shouldLoadDoctorsWithALimitedBelongsToManyInThreeStatements() {
        for (int limit : new int[] {1, 3}) {
            long statements = count(() -> given().get("/doctors?where[email][endsWith]=." + tag + "@model.test"
                    + "&limit=" + limit + "&include[0][association]=patients&include[0][limit]=2"
                    + "&include[0][order]=name&include[0][attributes]=name").then().statusCode(200)
                    .body("$", hasSize(limit)).body("[0].patients", hasSize(2)));
            assertEquals(3, statements, "count, doctors, patients at limit " + limit);
        }
    }

    private String doctorIds() {
        return String.join(",", QuarkusTransaction.requiringNew().call(() ->
                Doctor.findAll(where("email", endsWith("." + tag + "@model.test")))
                        .stream().map(d -> String.valueOf(d.id)).toList()));
    }

    private long count(Runnable request) {
        long before = stats.getPrepareStatementCount();
        request.run();
        return stats.getPrepareStatementCount() - before;
    }
}
