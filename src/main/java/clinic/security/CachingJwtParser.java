package clinic.security;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * The parser quarkus-smallrye-jwt's MpJwtValidator verifies each bearer token with, answering a token it verified
 * before from {@link VerifiedTokens}. Only {@link #parse(String)} (the service's own configuration) is cached; the
 * returned DefaultJWTCallerPrincipal is shared across requests, which is safe: its claims are fixed at construction
 * and its getters return copies or immutable JSON values.
 */
@Decorator
@Priority(10)
public class CachingJwtParser implements JWTParser {

    private final JWTParser delegate;
    private final VerifiedTokens verified;

    @Inject
    public CachingJwtParser(@Delegate JWTParser delegate, VerifiedTokens verified) {
        this.delegate = delegate;
        this.verified = verified;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken jwt = verified.get(token);
        if (jwt == null) {
            // a refused token throws here, so it is never kept and is verified again each time
            jwt = delegate.parse(token);
            verified.put(token, jwt);
        }
        return jwt;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }
}
