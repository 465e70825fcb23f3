package clinic.security;

import clinic.Api;
import clinic.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Verified tokens are cached (security/VerifiedTokens): a token seen again is not verified again, until its exp;
 * a refused token is verified, and refused, every time; the cache never holds more than its bound.
 */
@QuarkusTest
@TestProfile(TokenCacheTest.SmallCacheShortSkew.class)
class TokenCacheTest {

    private static final int SIZE = 4, SKEW = 3;

    /** A bound small enough to fill, and a short clock skew to wait out (0 would mean smallrye-jwt's default, 60 s). */
    public static class SmallCacheShortSkew implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clinic.token-cache.size", String.valueOf(SIZE),
                    "mp.jwt.verify.clock.skew", String.valueOf(SKEW));
        }
    }

    @Inject
    JWTParser parser;

    @Inject
    VerifiedTokens verified;

    @Test
    void shouldNotVerifyATokenSeenBefore() {
        String token = Tokens.clerk();
        int before = VerificationCounter.parsed();
        assertEquals(200, status(token));
        assertEquals(200, status(token));
        assertEquals(200, status(token));
        assertEquals(1, VerificationCounter.parsed() - before);
    }

    @Test
    void shouldRefuseAnExpiredTokenThatWasCachedWhileValid() throws InterruptedException {
        Instant exp = Instant.ofEpochSecond(Instant.now().getEpochSecond() + 4);
        String token = Jwt.audience("clinic-api").subject("test-admin").groups(Set.of("admin")).expiresAt(exp).sign();
        assertEquals(200, status(token));
        int before = VerificationCounter.parsed();
        assertEquals(200, status(token), "still valid, from the cache");
        assertEquals(0, VerificationCounter.parsed() - before);
        sleepUntil(exp.plusMillis(200));
        assertEquals(200, status(token), "within the verifier's skew");
        assertEquals(1, VerificationCounter.parsed() - before, "verified again: no skew on a hit");
        sleepUntil(exp.plusSeconds(SKEW).plusMillis(1_200));
        Response r = Api.as(token).get("/doctors?limit=1");
        assertEquals(401, r.statusCode());
        assertEquals("application/problem+json", r.contentType());
        assertEquals("Bearer error=\"invalid_token\"", r.header("WWW-Authenticate"));
    }

    @Test
    void shouldVerifyATamperedTokenEveryTime() {
        String valid = Tokens.clerk();
        assertEquals(200, status(valid));
        String[] parts = valid.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"clerk\"", "\"admin\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        int before = VerificationCounter.parsed();
        assertEquals(401, status(tampered));
        assertEquals(401, status(tampered));
        assertEquals(2, VerificationCounter.parsed() - before);
        assertNull(verified.get(tampered));
    }

    @Test
    void shouldHoldItsBoundWhenFilledPastIt() {
        for (int i = 0; i < SIZE * 3; i++) {
            assertEquals(200, status(Tokens.of("clerk", null)));
            assertTrue(verified.size() <= SIZE, "size " + verified.size() + " after " + (i + 1) + " tokens");
        }
        String last = Tokens.clerk();
        assertEquals(200, status(last));
        int before = VerificationCounter.parsed();
        assertEquals(200, status(last), "the newest token was kept");
        assertEquals(0, VerificationCounter.parsed() - before);
    }

    @Test
    void shouldGiveACachedTokensRolesAndClaimsAsVerified() throws Exception {
        String token = Tokens.doctor(51);
        JsonWebToken first = parser.parse(token);
        JsonWebToken again = parser.parse(token);
        assertSame(first, again, "served from the cache");
        assertEquals(Set.of("doctor"), again.getGroups());
        assertEquals(first.getGroups(), again.getGroups());
        assertEquals(first.getName(), again.getName());
        assertEquals(first.getSubject(), again.getSubject());
        assertEquals(first.getClaimNames(), again.getClaimNames());
        assertEquals(first.<Object>getClaim("profile"), again.<Object>getClaim("profile"));
        again.getGroups().add("admin");
        assertEquals(Set.of("doctor"), parser.parse(token).getGroups(), "a caller's copy of the groups is its own");
    }

    @Test
    void shouldKeepNothingWhenItsSizeIsZero() throws Exception {
        String token = Tokens.clerk();
        VerifiedTokens off = new VerifiedTokens(0);
        off.put(token, parser.parse(token));
        assertNull(off.get(token));
        assertEquals(0, off.size());
    }

    private static void sleepUntil(Instant t) throws InterruptedException {
        Thread.sleep(Math.max(0, t.toEpochMilli() - System.currentTimeMillis()));
    }

    private static int status(String token) {
        return Api.as(token).get("/doctors?limit=1").statusCode();
    }
}
