package clinic.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static clinic.Fixtures.appointment;
import static clinic.Fixtures.createDoctor;
import static clinic.Fixtures.createPatient;
import static clinic.Fixtures.json;
import static clinic.Fixtures.map;
import static clinic.Fixtures.slot;
import static clinic.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Concurrent clerks: the database and row locks decide, exactly one wins, the others get a clear 409/412. */
@QuarkusTest
class RacesTest {

    @Test
    void shouldBookADoctorsSlotOnceUnder32ConcurrentBookings() throws Exception {
        long doctor = createDoctor();
        Instant at = slot();
        List<Supplier<Response>> bookings = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            var body = appointment(doctor, createPatient(), at);
            bookings.add(() -> json(body).post("/appointments"));
        }
        List<Integer> statuses = race(bookings);
        assertEquals(1, count(statuses, 201), statuses.toString());
        assertEquals(31, count(statuses, 409), statuses.toString());
        given().get("/doctors/" + doctor + "/appointments").then().statusCode(200).header("X-Total-Count", "1");
    }

    @Test
    void shouldBookAPatientOnceAcrossDoctorsUnderConcurrentBookings() throws Exception {
        long patient = createPatient();
        Instant at = slot();
        List<Supplier<Response>> bookings = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            var body = appointment(createDoctor(), patient, at);
            bookings.add(() -> json(body).post("/appointments"));
        }
        List<Integer> statuses = race(bookings);
        assertEquals(1, count(statuses, 201), statuses.toString());
        assertEquals(31, count(statuses, 409), statuses.toString());
        given().get("/patients/" + patient + "/appointments").then().statusCode(200).header("X-Total-Count", "1");
    }

    @Test
    void shouldLetOneOf16ConcurrentPatchesWithTheSameIfMatchWin() throws Exception {
        long doctor = createDoctor();
        List<Supplier<Response>> patches = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            var body = map("phone", "+1 555 " + i);
            patches.add(() -> json(body).header("If-Match", "\"0\"").patch("/doctors/" + doctor));
        }
        List<Integer> statuses = race(patches);
        assertEquals(1, count(statuses, 200), statuses.toString());
        assertEquals(15, count(statuses, 412), statuses.toString());
        given().get("/doctors/" + doctor).then().statusCode(200).header("ETag", "\"1\"");
    }

    /** Fires the prepared requests all at once, one thread each; returns their statuses. */
    private static List<Integer> race(List<Supplier<Response>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> futures = new ArrayList<>();
        for (Supplier<Response> request : requests) {
            Callable<Integer> call = () -> {
                start.await();
                return request.get().statusCode();
            };
            futures.add(pool.submit(call));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : futures) {
            statuses.add(f.get());
        }
        pool.shutdown();
        return statuses;
    }

    private static long count(List<Integer> statuses, int status) {
        return statuses.stream().filter(s -> s == status).count();
    }
}
