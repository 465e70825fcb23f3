package clinic.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the verifications smallrye-jwt's own parser does: a decorator inside the cache's (a higher priority is
 * called later), so it sees only the calls the cache lets through.
 */
@Decorator
@Priority(20)
public abstract class VerificationCounter implements JWTParser {

    private static final AtomicInteger PARSED = new AtomicInteger();

    @Inject
    @Delegate
    JWTParser delegate;

    public static int parsed() {
        return PARSED.get();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        PARSED.incrementAndGet();
        return delegate.parse(token);
    }
}
