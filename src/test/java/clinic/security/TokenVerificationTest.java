package clinic.security;

import clinic.Api;
import clinic.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The verifier, with real tokens: only a token signed by the configured key, for this issuer and audience, not
 * expired beyond 60 s of skew, is let in. The packaged jar's own verifier is tried in JwtVerificationIT.
 */
@QuarkusTest
class TokenVerificationTest {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    @Test
    void shouldAcceptAValidToken() {
        assertEquals(200, status(Tokens.admin()));
        assertEquals(200, status(admin().issuedAt(Instant.now().minusSeconds(300)).expiresAt(Instant.now()
                .minusSeconds(20)).sign()), "within the skew");
    }

    @Test
    void shouldRefuseAWrongIssuerOrAudience() {
        assertEquals(401, status(admin().issuer("https://elsewhere.example").sign()));
        assertEquals(401, status(admin().audience("another-api").sign()));
        assertEquals(401, status(Jwt.subject("test-admin").groups(Set.of("admin")).sign()), "no audience at all");
    }

    @Test
    void shouldRefuseAnExpiredToken() {
        assertEquals(401, status(admin().issuedAt(Instant.now().minusSeconds(300)).expiresAt(Instant.now()
                .minusSeconds(120)).sign()));
    }

    @Test
    void shouldRefuseUnsignedAndHmacTokens() {
        String[] valid = Tokens.admin().split("\\.");
        String none = URL.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(401, status(none + "." + valid[1] + "."));
        byte[] publicKey = Base64.getDecoder().decode(ConfigProvider.getConfig()
                .getValue("mp.jwt.verify.publickey", String.class).replaceAll("-----[A-Z ]+-----|\\s", ""));
        String hmac = admin().jws().algorithm(SignatureAlgorithm.HS256)
                .sign(new SecretKeySpec(publicKey, "HmacSHA256"));
        assertEquals(401, status(hmac), "HS256 keyed with the public key");
    }

    @Test
    void shouldRefuseAnotherKeyAndAnUnknownKid() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var other = generator.generateKeyPair();
        assertEquals(401, status(admin().jws().keyId("rotated-1").sign(other.getPrivate())));
        assertEquals(401, status(admin().sign(other.getPrivate())));
    }

    @Test
    void shouldRefuseATamperedPayload() {
        String[] parts = Tokens.of("clerk", null).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"clerk\"", "\"admin\"");
        String tampered = parts[0] + "." + URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertEquals(401, status(tampered));
    }

    private static JwtClaimsBuilder admin() {
        return Jwt.audience("clinic-api").subject("test-admin").groups(Set.of("admin"));
    }

    private static int status(String token) {
        var r = Api.as(token).get("/doctors?limit=1");
        if (r.statusCode() == 401) {
            assertEquals("Bearer error=\"invalid_token\"", r.header("WWW-Authenticate"));
            assertEquals("application/problem+json", r.contentType());
        }
        return r.statusCode();
    }
}
