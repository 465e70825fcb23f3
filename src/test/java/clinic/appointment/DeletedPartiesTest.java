package clinic.appointment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static clinic.Api.given;
import static clinic.Fixtures.createAppointment;
import static clinic.Fixtures.createDoctor;
import static clinic.Fixtures.createPatient;
import static clinic.Fixtures.slot;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With its doctor or patient soft-deleted, a booking may only leave service (cancel, no-show, reason); whatever puts
 * it back in service (restore, un-cancel, a new time) is 422 missing_reference. Every party × every change.
 */
@QuarkusTest
class DeletedPartiesTest {

    private record Change(String what, Map<String, Object> body, boolean makesLive) {
    }

    @Test
    void shouldRefuseOnlyTheChangesThatBringABookingBackIntoService() {
        Instant later = slot();
        List<Change> changes = List.of(new Change("cancel", Map.of("status", "cancelled"), false),
                new Change("no-show", Map.of("status", "noshow"), false),
                new Change("reason", Map.of("reason", "records"), false),
                new Change("move", Map.of("date", later.toString()), true),
                new Change("longer", Map.of("durationMinutes", 60), true));
        List<String> wrong = new ArrayList<>();
        for (String party : List.of("doctors", "patients")) {
            for (Change change : changes) {
                long[] row = booking(party);
                int status = given().contentType("application/json").body(change.body).patch("/appointments/" + row[0])
                        .statusCode();
                if (status != (change.makesLive ? 422 : 200)) {
                    wrong.add(party + " deleted, " + change.what + ": " + status);
                }
            }
            long[] cancelled = booking(party);
            given().contentType("application/json").body(Map.of("status", "cancelled"))
                    .patch("/appointments/" + cancelled[0]).then().statusCode(200);
            int uncancel = given().contentType("application/json").body(Map.of("status", "booked"))
                    .patch("/appointments/" + cancelled[0]).statusCode();
            if (uncancel != 422) {
                wrong.add(party + " deleted, un-cancel: " + uncancel);
            }
            long[] deleted = booking(party);
            given().delete("/appointments/" + deleted[0]).then().statusCode(204);
            Response restore = given().post("/appointments/" + deleted[0] + "/restore");
            if (restore.statusCode() != 422 || !restore.asString().contains("missing_reference")) {
                wrong.add(party + " deleted, restore: " + restore.statusCode());
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** A booking whose doctor, or patient, is then soft-deleted: [appointment, party]. */
    private static long[] booking(String party) {
        long doctor = createDoctor();
        long patient = createPatient();
        long appointment = createAppointment(doctor, patient, slot());
        long gone = party.equals("doctors") ? doctor : patient;
        given().delete("/" + party + "/" + gone).then().statusCode(204);
        return new long[]{appointment, gone};
    }
}
