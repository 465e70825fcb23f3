package clinic.web;

import clinic.web.problem.Problem;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;

/**
 * Refuses bodies over 64 KiB with the same problem+json as every other error: by their Content-Length before they
 * are read, and a chunked body (no Content-Length) by reading it here up to the limit; left to the stack, it
 * answered a bare 413. {@code quarkus.http.limits.max-body-size} backs both up.
 */
public class RequestLimits {

    public static final long MAX_BODY_BYTES = 64 * 1024;
    private static final BodyHandler CHUNKED = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && tooLong(length)) {
                refuse(ctx);
            } else if (length == null && ctx.request().headers().contains("Transfer-Encoding")) {
                CHUNKED.handle(ctx);
            } else {
                ctx.next();
            }
        }).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().ended()) {
                refuse(ctx);
            } else {
                ctx.next();
            }
        });
    }

    private static void refuse(RoutingContext ctx) {
        Problem p = Problem.of(413, "payload_too_large", "Payload too large",
                "The request body is larger than " + MAX_BODY_BYTES / 1024 + " KiB", null);
        ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(Json.encode(p.answered()));
    }

    private static boolean tooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > MAX_BODY_BYTES;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
