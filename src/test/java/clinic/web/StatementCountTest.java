package clinic.web;

import clinic.model.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hamcrest.Matchers;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static clinic.model.Where.where;
import static clinic.Api.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Includes cost a fixed number of SQL statements per request, whatever the page size: no N+1; include objects (where,
 * required, limit, attributes, nested) too.
 */
@QuarkusTest
class StatementCountTest {

    @Inject
    SessionFactory sessionFactory;

    private String tag;
    private Statistics stats;

    @BeforeEach
    void createClinic() {
        stats = sessionFactory.getStatistics();
        tag = TestData.tag();
        NineCouples.create(tag);
    }

    @Test
    void shouldLoadAppointmentsWithDoctorAndPatientInTwoStatements() {
        String doctorIds = doctorIds();
        for (int limit : new int[] {3, 18}) {
            long statements = count(() -> given()
                    .queryParam("where[reason][is]", "null").queryParam("include", "doctor,patient")
                    .queryParam("where[doctorId][in]", doctorIds).queryParam("limit", limit)
                    .get("/appointments").then().statusCode(200).body("$", hasSize(limit))
                    .body("[0].doctor.email", Matchers.endsWith(tag + "@model.test")));
            assertEquals(2, statements, "count + rows, at limit " + limit);
        }
    }

    @Test
    void shouldAddExactlyOneAuditInsertToAPageWhateverItsSize() {
        String doctorIds = doctorIds();
        for (int limit : new int[] {3, 18}) {
            String requestId = java.util.UUID.randomUUID().toString();
            long statements = count(() -> given().header("X-Request-Id", requestId)
                    .queryParam("include", "doctor,patient").queryParam("where[doctorId][in]", doctorIds)
                    .queryParam("limit", limit).get("/appointments").then().statusCode(200));
            assertEquals(2, statements, "the page's own statements, at limit " + limit);
            assertEquals(1, clinic.audit.AuditEvent.count(where("requestId", requestId)),
                    "one audit insert (a single statement, outside Hibernate) at limit " + limit);
        }
    }

    @Test
    void shouldLoadDoctorsWithAppointmentsAndPatientsInAtMostFourStatements() {
        for (int limit : new int[] {1, 3}) {
            long statements = count(() -> given()
                    .queryParam("where[email][endsWith]", "." + tag + "@model.test")
                    .queryParam("include", "appointments.patient,patients").queryParam("limit", limit)
                    .get("/doctors").then().statusCode(200).body("$", hasSize(limit))
                    .body("[0].appointments", hasSize(6)).body("[0].patients", hasSize(3))
                    .body("[0].appointments[0].patient.email", notNullValue()));
            assertTrue(statements <= 4, statements + " statements at limit " + limit);
        }
    }

    @Test
    void shouldIssueOneQueryTextWhateverTheParameterOrderWithTheLimitInIt() {
        String doctorIds = doctorIds();
        stats.clear();
        given().queryParam("where[doctorId][in]", doctorIds).queryParam("where[date][gte]", "2000-01-01T00:00:00Z")
                .queryParam("limit", 3).get("/appointments").then().statusCode(200).body("$", hasSize(3));
        given().queryParam("where[date][gte]", "2000-01-01T00:00:00Z").queryParam("where[doctorId][in]", doctorIds)
                .queryParam("limit", 3).get("/appointments").then().statusCode(200).body("$", hasSize(3));
        // one text per query: PostgreSQL prepares it once; the limit is in the text, so its generic plan knows it
        List<String> pages = Arrays.stream(stats.getQueries()).filter(q -> q.startsWith("select m from")).toList();
        assertEquals(1, pages.size(), pages.toString());
        assertTrue(pages.get(0).endsWith(" limit 3"), pages.get(0));
        assertEquals(1, Arrays.stream(stats.getQueries()).filter(q -> q.startsWith("select count(m)")).count());
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

    @Test
    void shouldCountAShortPageWithoutASecondStatementAndAskWhenPastTheEnd() {
        String doctorIds = doctorIds();
        String counted = given().queryParam("where[doctorId][in]", doctorIds).get("/appointments/count")
                .then().statusCode(200).extract().path("count").toString();
        assertEquals("18", counted, "NineCouples' appointments, counted by PostgreSQL");
        long whole = count(() -> given().queryParam("where[doctorId][in]", doctorIds).queryParam("limit", 50)
                .get("/appointments").then().statusCode(200).body("$", hasSize(18)).header("X-Total-Count", counted));
        assertEquals(1, whole, "a page short of its limit holds the last rows: no count");
        long tail = count(() -> given().queryParam("where[doctorId][in]", doctorIds).queryParam("limit", 50)
                .queryParam("offset", 15).get("/appointments").then().statusCode(200).body("$", hasSize(3))
                .header("X-Total-Count", counted));
        assertEquals(1, tail, "the offset plus a short page's rows");
        long full = count(() -> given().queryParam("where[doctorId][in]", doctorIds).queryParam("limit", 18)
                .get("/appointments").then().statusCode(200).body("$", hasSize(18)).header("X-Total-Count", counted));
        assertEquals(2, full, "a full page may have more after it: count");
        long past = count(() -> given().queryParam("where[doctorId][in]", doctorIds).queryParam("offset", 40)
                .get("/appointments").then().statusCode(200).body("$", hasSize(0)).header("X-Total-Count", counted));
        assertEquals(2, past, "an empty page past the end says nothing of the rows before it: count");
    }

    @Test
    void shouldCheckABookingsDoctorAndPatientInOneStatement() {
        long doctor = clinic.Fixtures.createDoctor();
        long patient = clinic.Fixtures.createPatient();
        long statements = count(() -> {
            for (int i = 0; i < 4; i++) {
                clinic.Fixtures.createAppointment(doctor, patient, clinic.Fixtures.slot());
            }
        });
        // per booking: both parties in one check and the insert (the audit event is not Hibernate's); plus at most one
        // sequence block for the ids
        assertTrue(statements <= 4 * 2 + 1, statements + " statements for 4 bookings");
    }

    private String doctorIds() {
        return NineCouples.doctorIds(tag);
    }

    private long count(Runnable request) {
        long before = stats.getPrepareStatementCount();
        request.run();
        return stats.getPrepareStatementCount() - before;
    }
}
