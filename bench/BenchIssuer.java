import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * The benchmark's stand-in for the clinic's OIDC provider, with the JDK alone: a fresh RSA key pair, its JWKS in
 * {@code <dir>/jwks.json}, and one RS256 token per role in {@code <dir>/<role>.jwt}, valid for 12 hours.
 * The private key never leaves this process.
 *
 * <pre>java bench/BenchIssuer.java target/bench https://bench.clinic.invalid admin clerk</pre>
 */
public class BenchIssuer {

    private static final String KID = "bench-1";

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String issuer = args[1];
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
        Files.writeString(dir.resolve("jwks.json"), "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\","
                + "\"kid\":\"" + KID + "\",\"n\":\"" + b64(pub.getModulus()) + "\",\"e\":\""
                + b64(pub.getPublicExponent()) + "\"}]}\n");
        long now = System.currentTimeMillis() / 1000;
        for (int i = 2; i < args.length; i++) {
            String role = args[i];
            String claims = "{\"iss\":\"" + issuer + "\",\"aud\":\"clinic-api\",\"sub\":\"bench-" + role + "\","
                    + "\"upn\":\"bench " + role + "\",\"groups\":[\"" + role + "\"],\"iat\":" + now + ",\"exp\":"
                    + (now + 12 * 3600) + "}";
            Files.writeString(dir.resolve(role + ".jwt"), sign(claims, pair) + "\n");
        }
    }

    private static String sign(String claims, KeyPair pair) throws Exception {
        String input = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + KID + "\"}") + "." + b64(claims);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(pair.getPrivate());
        rs256.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Unsigned big-endian bytes, base64url without padding, as JWK wants them. */
    private static String b64(BigInteger n) {
        byte[] bytes = n.toByteArray();
        if (bytes[0] == 0 && bytes.length > 1) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
