import clinic.security.CachingJwtParser;
import clinic.security.VerifiedTokens;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Set;

/**
 * The CPU one request spends verifying its bearer token: the service's parser (smallrye-jwt's DefaultJWTParser,
 * the jar's own library) with the service's settings, on one thread, warmed up, then timed in rounds; then the same
 * token answered by the service's cache of verified tokens (security/CachingJwtParser), and, for comparison, what a
 * SHA-256 key would add to each lookup. Each call gets its own copy of the token, as each request parses its header
 * into a new string (so the key's hash and equals run over the whole token every time).
 * Prints "VERIFY cpu_us=.. wall_us=.. n=..", then "CACHE_HIT ..." and "SHA256_KEY ..." (medians of the rounds).
 *
 * <pre>java -cp 'target/quarkus-app/lib/boot/*:target/quarkus-app/lib/main/*:target/quarkus-app/app/*' \
 *     bench/VerifyCost.java target/bench/jwks.json https://bench.clinic.invalid target/bench/clerk.jwt</pre>
 */
public class VerifyCost {

    private static final int WARMUP = 30_000, ROUNDS = 7, PER_ROUND = 5_000;

    /** One timed call with the i-th copy of the token. */
    private interface Call {
        Object run(String token) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        JWTAuthContextInfo ctx = new JWTAuthContextInfo(args[0], args[1]);
        // as application.properties has them
        ctx.setExpectedAudience(Set.of("clinic-api"));
        ctx.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256));
        ctx.setClockSkew(60);
        ctx.setForcedJwksRefreshInterval(1);
        ctx.setGroupsPath("groups");
        DefaultJWTParser parser = new DefaultJWTParser(ctx);
        String token = Files.readString(Path.of(args[2])).trim();
        JsonWebToken jwt = parser.parse(token);
        if (jwt.getGroups().isEmpty()) {
            throw new IllegalStateException("the token verified but names no group");
        }
        JWTParser cached = new CachingJwtParser(parser, new VerifiedTokens(10_000));
        if (cached.parse(token) != cached.parse(copy(token))) {
            throw new IllegalStateException("the second parse was not answered from the cache");
        }
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        report("VERIFY", token, parser::parse);
        report("CACHE_HIT", token, cached::parse);
        report("SHA256_KEY", token, t -> sha256.digest(t.getBytes(StandardCharsets.US_ASCII)));
    }

    private static void report(String name, String token, Call call) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            call.run(copy(token));
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[] cpuUs = new double[ROUNDS], wallUs = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            String[] copies = new String[PER_ROUND];
            for (int i = 0; i < PER_ROUND; i++) {
                copies[i] = copy(token);
            }
            long c0 = cpu.getCurrentThreadCpuTime(), w0 = System.nanoTime();
            for (int i = 0; i < PER_ROUND; i++) {
                call.run(copies[i]);
            }
            cpuUs[r] = (cpu.getCurrentThreadCpuTime() - c0) / 1e3 / PER_ROUND;
            wallUs[r] = (System.nanoTime() - w0) / 1e3 / PER_ROUND;
        }
        System.out.printf("%s cpu_us=%.2f wall_us=%.2f n=%d%n", name, median(cpuUs), median(wallUs),
                ROUNDS * PER_ROUND);
    }

    /** A string with its own array and no cached hash (new String(String) would share both). */
    private static String copy(String token) {
        return new String(token.toCharArray());
    }

    private static double median(double[] v) {
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
