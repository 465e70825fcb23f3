package clinic.web;

import clinic.db.ReplicaProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static clinic.Api.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile-input guarantees with a replica serving the reads, and hostile consistency tokens: never a 5xx, a
 * malformed token a 400 problem, a well-formed one (however far ahead) a read from the primary.
 */
@QuarkusTest
@TestProfile(ReplicaProfile.class)
class ReplicaHostileInputTest extends HostileInputTest {

    private static final String TOKEN = "X-Consistency-Token";

    @Test
    void shouldAnswerHostileConsistencyTokensWithoutServerErrors() {
        Random random = new Random(Long.getLong("hostile.seed", System.nanoTime()));
        List<String> tokens = new ArrayList<>(List.of("FFFFFFFF/FFFFFFFF", "0/0", "1/", "/1", "0/1;", "0x1/1",
                "123456789/1", " 0/1", "0/1 ", "0/\u0661", "' or 1=1 --", "0/1'::pg_lsn; select 1; --"));
        String alphabet = "0123456789abcdefABCDEF/xyz;'\" \\%";
        for (int i = 0; i < 200; i++) {
            StringBuilder t = new StringBuilder();
            for (int n = random.nextInt(20); n > 0; n--) {
                t.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            tokens.add(t.toString());
        }
        List<String> failures = new ArrayList<>();
        for (String token : tokens) {
            int status = given().header(TOKEN, token).queryParam("limit", 1).get("/doctors").statusCode();
            // HTTP strips the white space around a header value
            boolean wellFormed = token.strip().matches("[0-9A-Fa-f]{1,8}/[0-9A-Fa-f]{1,8}");
            if (status != (wellFormed ? 200 : 400)) {
                failures.add(status + " for " + token);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
