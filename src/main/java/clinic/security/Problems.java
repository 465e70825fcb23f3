package clinic.security;

import clinic.web.problem.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 401 and 403 as problem+json like every other error (Quarkus alone answers them with empty bodies). */
public class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class);

    public static final Problem UNAUTHENTICATED = Problem.of(401, "unauthenticated", "Unauthenticated",
            "This operation needs an `Authorization: Bearer <token>` header", null);
    public static final Problem INVALID_TOKEN = Problem.of(401, "unauthenticated", "Unauthenticated",
            "The bearer token is invalid: its signature, issuer, audience, expiry or algorithm was refused", null);
    public static final Problem FORBIDDEN = Problem.of(403, "forbidden", "Forbidden",
            "Your roles do not allow this operation", null);

    /** No token: the challenge names the scheme only (RFC 6750 §3). */
    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, HttpServerRequest request) {
        LOG.infof("401 %s %s: no bearer token", request.method(), request.path());
        return unauthenticated("Bearer", UNAUTHENTICATED);
    }

    /** A token was sent but failed verification: signature, issuer, audience, expiry or algorithm. */
    @ServerExceptionMapper
    public Response invalidToken(AuthenticationFailedException e, HttpServerRequest request) {
        // no actor to audit (README, Audit): the log is the only record, and never holds the token
        LOG.infof("401 %s %s: invalid bearer token", request.method(), request.path());
        return unauthenticated("Bearer error=\"invalid_token\"", INVALID_TOKEN);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return FORBIDDEN.toResponse();
    }

    private static Response unauthenticated(String challenge, Problem problem) {
        return Response.fromResponse(problem.toResponse()).header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }
}
