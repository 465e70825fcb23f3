package clinic.security;

import clinic.PackagedJar;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production path: the packaged jar, configured only by environment variables, verifying a provider's tokens
 * against its JWKS served over loopback HTTP (Keycloak-shaped: roles under realm_access, the profile in fhirUser).
 */
class JwtVerificationIT {

    private EmbeddedPostgres postgres;
    private TestIssuer issuer;

    @BeforeEach
    void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        issuer = TestIssuer.start();
    }

    @AfterEach
    void stop() throws Exception {
        issuer.close();
        postgres.close();
    }

    @Test
    void shouldVerifyTheProvidersTokensAsTheEnvironmentSays() throws Exception {
        try (PackagedJar jar = PackagedJar.start(postgres, Map.of(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", issuer.jwksUrl(), "MP_JWT_VERIFY_ISSUER", TestIssuer.ISSUER,
                "SMALLRYE_JWT_PATH_GROUPS", "realm_access/roles", "CLINIC_PROFILE_CLAIM", "fhirUser"), "jwt-it")) {
            String admin = issuer.sign(keycloak("admin"));
            // the roles are only under realm_access: found there because SMALLRYE_JWT_PATH_GROUPS reached the verifier
            assertEquals(200, status(jar, admin));
            assertEquals(200, status(jar, issuer.sign(keycloak("admin"), issuer.key(1))), "ES256");
            assertEquals(403, status(jar, issuer.sign(keycloak("nurse"))), "no known role");

            assertRefused(jar, issuer.sign(keycloak("admin").issuer("https://elsewhere.example")), "wrong issuer");
            assertRefused(jar, issuer.sign(keycloak("admin").audience("another-api")), "wrong audience");
            assertRefused(jar, issuer.sign(keycloak("admin").issuedAt(Instant.now().minusSeconds(600))
                    .expiresAt(Instant.now().minusSeconds(120))), "expired past the skew");
            String[] parts = admin.split("\\.");
            assertRefused(jar, b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".", "alg none");
            byte[] publicKey = issuer.key(0).pair().getPublic().getEncoded();
            assertRefused(jar, keycloak("admin").jws().algorithm(SignatureAlgorithm.HS256)
                    .sign(new SecretKeySpec(publicKey, "HmacSHA256")), "HS256 keyed with the public key");
            assertRefused(jar, issuer.sign(keycloak("admin"), new TestIssuer.Key("unpublished",
                    issuer.rotateUnpublished(), SignatureAlgorithm.RS256)), "unknown kid");
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .replace("it-user", "someone-else");
            assertRefused(jar, parts[0] + "." + b64(payload) + "." + parts[2], "tampered payload");

            assertEquals(404, jar.status(jar.get("/dev/token?as=admin", null)), "no dev token in the jar");
            assertDoctorSeesOnlyOwnAppointments(jar, admin);
            assertRotatedKeyAccepted(jar);
        }
    }

    @Test
    void shouldReadTheJwksFromAFile() throws Exception {
        Path jwks = Files.createTempFile(Path.of("target"), "jwks-", ".json");
        Files.writeString(jwks, issuer.jwksJson());
        try (PackagedJar jar = PackagedJar.start(postgres, Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                jwks.toAbsolutePath().toString(), "MP_JWT_VERIFY_ISSUER", TestIssuer.ISSUER), "jwt-file-it")) {
            assertEquals(200, status(jar, issuer.sign(TestIssuer.claims("clerk"))));
            assertRefused(jar, issuer.sign(TestIssuer.claims("clerk").audience("another-api")), "wrong audience");
        }
    }

    @Test
    void shouldRefuseToStartWithoutTheProviderSettings() throws Exception {
        PackagedJar jar = PackagedJar.launch(postgres, Map.of(), "jwt-missing-it");
        try {
            assertTrue(jar.process.waitFor(120, TimeUnit.SECONDS), "the jar kept running without JWT settings");
            assertFalse(jar.process.exitValue() == 0, "exit status");
            List<String> refusals = Files.readAllLines(jar.log).stream().filter(l -> l.contains("Refusing to start"))
                    .toList();
            assertEquals(1, refusals.size(), "one line says why");
            assertTrue(refusals.get(0).contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION and MP_JWT_VERIFY_ISSUER"),
                    refusals.get(0));
        } finally {
            jar.close();
        }
    }

    private void assertDoctorSeesOnlyOwnAppointments(PackagedJar jar, String admin) throws Exception {
        long d1 = create(jar, admin, "/doctors", "{\"name\":\"Dr. One\",\"email\":\"one@clinic.test\"}");
        long d2 = create(jar, admin, "/doctors", "{\"name\":\"Dr. Two\",\"email\":\"two@clinic.test\"}");
        long p = create(jar, admin, "/patients", "{\"name\":\"Pat\",\"email\":\"pat@clinic.test\"}");
        create(jar, admin, "/appointments", "{\"doctorId\":" + d1 + ",\"patientId\":" + p
                + ",\"date\":\"2099-01-05T09:00:00Z\"}");
        create(jar, admin, "/appointments", "{\"doctorId\":" + d2 + ",\"patientId\":" + p
                + ",\"date\":\"2099-01-05T11:00:00Z\"}");
        String doctor = issuer.sign(keycloak("doctor").claim("fhirUser", "Doctor/" + d1));
        HttpResponse<String> mine = jar.send(jar.get("/appointments", doctor));
        assertEquals(200, mine.statusCode(), mine.body());
        assertEquals("1", mine.headers().firstValue("X-Total-Count").orElse(""), "the profile claim names Doctor/" + d1);
    }

    /** A new key published by the provider is used within the minute the service waits between forced refetches. */
    private void assertRotatedKeyAccepted(PackagedJar jar) throws Exception {
        String rotated = issuer.sign(keycloak("admin"), issuer.rotate());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        int status;
        while ((status = status(jar, rotated)) != 200 && System.nanoTime() < deadline) {
            Thread.sleep(2000);
        }
        assertEquals(200, status, "a token of the rotated key was still refused after 90 s");
    }

    private static io.smallrye.jwt.build.JwtClaimsBuilder keycloak(String role) {
        return Jwt.issuer(TestIssuer.ISSUER).audience("clinic-api").subject("it-user")
                .claim("preferred_username", "it user").claim("realm_access", Map.of("roles", List.of(role)))
                .expiresIn(600);
    }

    private static long create(PackagedJar jar, String token, String path, String body) throws Exception {
        HttpResponse<String> r = jar.send(jar.request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(201, r.statusCode(), r.body());
        return Long.parseLong(r.body().replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
    }

    private static int status(PackagedJar jar, String token) throws Exception {
        return jar.status(jar.get("/doctors?limit=1", token));
    }

    private static void assertRefused(PackagedJar jar, String token, String why) throws Exception {
        HttpResponse<String> r = jar.send(jar.get("/doctors?limit=1", token));
        assertEquals(401, r.statusCode(), why + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), why);
        assertEquals("Bearer error=\"invalid_token\"", r.headers().firstValue("WWW-Authenticate").orElse(""), why);
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
