package clinic.db;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static clinic.Api.given;
import static clinic.Fixtures.createDoctor;
import static clinic.Fixtures.doctor;
import static clinic.Fixtures.email;
import static clinic.Fixtures.json;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The replica stops under the running service: reads go to the primary within 5 s, readiness stays UP and says the
 * replica is down; once it is back, readiness says so and reads go to it again.
 */
@QuarkusTest
@TestProfile(ReplicaProfile.class)
class ReplicaFailoverTest {

    private static final String CHECK = "checks.find { it.name == 'Read replica' }";

    @Test
    void shouldReportTheReplicaUpWithItsLagInReadiness() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"),
                CHECK + ".status", equalTo("UP"), CHECK + ".data.replica", equalTo("up"),
                CHECK + ".data.lagBytes", org.hamcrest.Matchers.greaterThanOrEqualTo(0));
    }

    @Test
    void shouldFallBackToThePrimaryWhileTheReplicaIsDownAndReturnOnceItIsBack() throws Exception {
        long id = createDoctor();
        ReplicaPair.awaitReplay();
        given().get("/doctors/" + id).then().statusCode(200);

        ReplicaPair.stopReplica();
        try {
            long stopped = System.nanoTime();
            while (given().get("/doctors/" + id).statusCode() != 200) {
                assertTrue(System.nanoTime() - stopped < 5_000_000_000L, "no 200 within 5 s of the replica's stop");
                Thread.sleep(100);
            }
            for (int i = 0; i < 10; i++) {
                given().get("/doctors/" + id).then().statusCode(200);
            }
            given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"),
                    CHECK + ".status", equalTo("UP"), CHECK + ".data.replica", equalTo("down"));
        } finally {
            ReplicaPair.startReplica();
        }

        long deadline = System.currentTimeMillis() + 10_000;
        while (!"up".equals(given().get("/q/health/ready").then().extract().path(CHECK + ".data.replica"))) {
            assertTrue(System.currentTimeMillis() < deadline, "readiness did not see the replica back within 10 s");
            Thread.sleep(100);
        }
        ReplicaPair.pauseReplay();
        try {
            long unseen = json(doctor(email("replica-back"))).post("/doctors").then().statusCode(201)
                    .extract().jsonPath().getLong("id");
            assertEquals(404, given().get("/doctors/" + unseen).statusCode(), "the read did not go to the replica");
        } finally {
            ReplicaPair.resumeReplay();
        }
    }
}
