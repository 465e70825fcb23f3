package clinic.security;

import clinic.Api;
import clinic.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import static clinic.Fixtures.LEAK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated Authorization headers, random and malformed (replay with -Dhostile.seed=…): never a 5xx, never let in,
 * always a 401 problem+json with the Bearer challenge and nothing of the implementation.
 */
@QuarkusTest
class HostileAuthorizationTest {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final String[] HEADERS = {
        "{\"alg\":\"none\"}", "{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{\"alg\":\"RS512\",\"kid\":\"x\"}",
        "{\"alg\":\"RS256\",\"kid\":\"../../../../etc/passwd\"}", "{\"alg\":\"RS256\",\"jku\":\"http://127.0.0.1:1/jwks\"}",
        "{\"alg\":\"RS256\",\"x5u\":\"http://127.0.0.1:1/cert\"}", "{\"alg\":\"RS256\",\"crit\":[\"exp\"]}",
        "{\"alg\":\"ES256\",\"jwk\":{\"kty\":\"EC\"}}", "[]", "null", "{", "{\"alg\":" + "[".repeat(2000) + "}"};

    @Test
    void shouldRefuseEveryMalformedAuthorizationHeaderWithAProblem() {
        long seed = Long.getLong("hostile.seed", System.nanoTime());
        System.out.println("HostileAuthorizationTest: seed=" + seed + " (replay with -Dhostile.seed=" + seed + ")");
        Random random = new Random(seed);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String header = header(random);
            Response r = Api.anonymous().header("Authorization", header).get("/patients?limit=1");
            String body = r.asString();
            if (r.statusCode() != 401 || !"application/problem+json".equals(r.contentType())
                    || !String.valueOf(r.header("WWW-Authenticate")).startsWith("Bearer") || LEAK.matcher(body).find()) {
                wrong.add(r.statusCode() + " " + r.contentType() + " for [" + shorten(header) + "]: " + shorten(body));
            }
        }
        assertTrue(wrong.isEmpty(), "seed " + seed + ":\n" + String.join("\n", wrong));
    }

    @Test
    void shouldTakeTheSchemeInAnyCaseButNothingElse() {
        String token = Tokens.admin();
        for (String scheme : List.of("Bearer ", "bearer ", "BEARER ")) {
            assertEquals(200, Api.anonymous().header("Authorization", scheme + token).get("/doctors?limit=1")
                    .statusCode(), scheme);
        }
        for (String other : List.of("Basic " + token, "Token " + token, token, "Bearer", "Bearer ", "Bearer  ")) {
            Response r = Api.anonymous().header("Authorization", other).get("/doctors?limit=1");
            assertEquals(401, r.statusCode(), other);
            assertFalse(LEAK.matcher(r.asString()).find(), r.asString());
        }
    }

    private static String header(Random random) {
        String valid = Tokens.admin();
        String[] parts = valid.split("\\.");
        return switch (random.nextInt(9)) {
            case 0 -> "Bearer " + randomText(random, random.nextInt(200));
            case 1 -> "Bearer " + b64(HEADERS[random.nextInt(HEADERS.length)]) + "." + parts[1] + "." + parts[2];
            case 2 -> "Bearer " + b64(HEADERS[random.nextInt(HEADERS.length)]) + "." + parts[1] + ".";
            case 3 -> "Bearer " + parts[0] + "." + b64(randomText(random, 50)) + "." + parts[2];
            case 4 -> "Bearer " + flip(valid, random);
            case 5 -> "Bearer " + "a.".repeat(random.nextInt(50)) + "b";
            case 6 -> "Bearer " + valid.substring(0, random.nextInt(valid.length()));
            case 7 -> "Bearer " + "A".repeat(4000 + random.nextInt(3000));
            default -> randomText(random, 1 + random.nextInt(100));
        };
    }

    /**
     * One character of the token changed: the signature no longer fits. Never the last one: base64url leaves the low
     * bits of a 256-byte signature's last character unused, so 'A' to 'B' there decodes to the same, valid signature.
     */
    private static String flip(String token, Random random) {
        int at = random.nextInt(token.length() - 1);
        char c = token.charAt(at);
        char other = c == 'A' ? 'B' : c == '.' ? '-' : 'A';
        return token.substring(0, at) + other + token.substring(at + 1);
    }

    /** Printable ISO-8859-1 without the characters a header cannot carry. */
    private static String randomText(Random random, int length) {
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            char c = (char) (0x20 + random.nextInt(0xff - 0x20));
            if (c != 0x7f) {
                s.append(c);
            }
        }
        return s.toString();
    }

    private static String b64(String s) {
        return URL.encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String shorten(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
