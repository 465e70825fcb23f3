import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * The CPU one request spends verifying its bearer token: the service's parser (smallrye-jwt's DefaultJWTParser,
 * the jar's own library) with the service's settings, on one thread, warmed up, then timed in rounds.
 * Prints "VERIFY cpu_us=.. wall_us=.. n=.." (medians of the rounds, per verification).
 *
 * <pre>java -cp 'target/quarkus-app/lib/boot/*:target/quarkus-app/lib/main/*' bench/VerifyCost.java \
 *     target/bench/jwks.json https://bench.clinic.invalid target/bench/clerk.jwt</pre>
 */
public class VerifyCost {

    private static final int WARMUP = 30_000, ROUNDS = 7, PER_ROUND = 5_000;

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
        for (int i = 0; i < WARMUP; i++) {
            parser.parse(token);
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[] cpuUs = new double[ROUNDS], wallUs = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long c0 = cpu.getCurrentThreadCpuTime(), w0 = System.nanoTime();
            for (int i = 0; i < PER_ROUND; i++) {
                parser.parse(token);
            }
            cpuUs[r] = (cpu.getCurrentThreadCpuTime() - c0) / 1e3 / PER_ROUND;
            wallUs[r] = (System.nanoTime() - w0) / 1e3 / PER_ROUND;
        }
        System.out.printf("VERIFY cpu_us=%.1f wall_us=%.1f n=%d%n", median(cpuUs), median(wallUs), ROUNDS * PER_ROUND);
    }

    private static double median(double[] v) {
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
