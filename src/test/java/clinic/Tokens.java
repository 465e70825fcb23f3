package clinic;

import io.smallrye.jwt.build.Jwt;

import java.time.Duration;
import java.util.Set;

/** Real tokens, signed with the key pair the test instance verifies against (generated at its start). */
public final class Tokens {

    private static String admin;

    private Tokens() {
    }

    public static synchronized String admin() {
        if (admin == null) {
            admin = of("admin", null);
        }
        return admin;
    }

    public static String clerk() {
        return of("clerk", null);
    }

    public static String doctor(long id) {
        return of("doctor", "Doctor/" + id);
    }

    public static String patient(long id) {
        return of("patient", "Patient/" + id);
    }

    /** One role, and the profile claim when given. */
    public static String of(String role, String profile) {
        var token = Jwt.audience("clinic-api").subject("test-" + role).upn("test " + role).groups(Set.of(role))
                .expiresIn(Duration.ofHours(2));
        if (profile != null) {
            token.claim("profile", profile);
        }
        return token.sign();
    }
}
