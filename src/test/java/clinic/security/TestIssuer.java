package clinic.security;

import com.sun.net.httpserver.HttpServer;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the clinic's OIDC provider, for the packaged jar: its signing keys, their JWKS served over loopback
 * HTTP, and tokens signed with them. {@link #rotate} publishes a new key, as a provider does.
 */
public final class TestIssuer implements AutoCloseable {

    public static final String ISSUER = "https://login.clinic.test/realms/clinic";

    /** One published key: its kid, its pair, and the algorithm it signs with. */
    public record Key(String kid, KeyPair pair, SignatureAlgorithm algorithm) {
    }

    private final HttpServer server;
    private final List<Key> keys = new ArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();

    private TestIssuer() throws IOException, GeneralSecurityException {
        keys.add(rsa("rsa-1"));
        keys.add(ec("ec-1"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            byte[] body = jwksJson().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    public static TestIssuer start() throws IOException, GeneralSecurityException {
        return new TestIssuer();
    }

    public String jwksUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    public int fetches() {
        return fetches.get();
    }

    /** The first RSA key, the EC key, then each rotated-in key. */
    public synchronized Key key(int i) {
        return keys.get(i);
    }

    /** Publishes a new RSA key (the old ones stay published, as during a provider's rotation) and returns it. */
    public synchronized Key rotate() throws GeneralSecurityException {
        Key k = rsa("rsa-" + (keys.size() + 1));
        keys.add(k);
        return k;
    }

    /** A key pair the provider never published, for a token with an unknown kid. */
    public java.security.KeyPair rotateUnpublished() throws GeneralSecurityException {
        return rsa("unpublished").pair();
    }

    /** Claims for this issuer and the service's audience, valid for ten minutes, with these roles. */
    public static JwtClaimsBuilder claims(String... roles) {
        return Jwt.issuer(ISSUER).audience("clinic-api").subject("it-user").upn("it user")
                .groups(Set.of(roles)).expiresIn(Duration.ofMinutes(10));
    }

    public String sign(JwtClaimsBuilder claims, Key key) {
        return claims.jws().keyId(key.kid()).algorithm(key.algorithm()).sign(key.pair().getPrivate());
    }

    public String sign(JwtClaimsBuilder claims) {
        return sign(claims, key(0));
    }

    public synchronized String jwksJson() {
        List<String> jwk = new ArrayList<>();
        for (Key k : keys) {
            if (k.pair().getPublic() instanceof RSAPublicKey rsa) {
                jwk.add("{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + k.kid() + "\",\"n\":\""
                        + b64(rsa.getModulus()) + "\",\"e\":\"" + b64(rsa.getPublicExponent()) + "\"}");
            } else {
                ECPublicKey ec = (ECPublicKey) k.pair().getPublic();
                jwk.add("{\"kty\":\"EC\",\"use\":\"sig\",\"alg\":\"ES256\",\"crv\":\"P-256\",\"kid\":\"" + k.kid()
                        + "\",\"x\":\"" + b64(ec.getW().getAffineX()) + "\",\"y\":\"" + b64(ec.getW().getAffineY())
                        + "\"}");
            }
        }
        return "{\"keys\":[" + String.join(",", jwk) + "]}";
    }

    private static Key rsa(String kid) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return new Key(kid, g.generateKeyPair(), SignatureAlgorithm.RS256);
    }

    private static Key ec(String kid) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return new Key(kid, g.generateKeyPair(), SignatureAlgorithm.ES256);
    }

    /** Unsigned big-endian bytes, base64url without padding, as JWK wants them. */
    private static String b64(BigInteger n) {
        byte[] bytes = n.toByteArray();
        if (bytes[0] == 0 && bytes.length > 1) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
