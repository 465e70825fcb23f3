package clinic.web;

import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;

/**
 * Refuses bodies over 64 KiB before they are read, with the same problem+json as every other error
 * ({@code quarkus.http.limits.max-body-size} backs this up for bodies sent without a Content-Length).
 */
public class RequestLimits {

    static final long MAX_BODY_BYTES = 64 * 1024;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && tooLong(length)) {
                Problem p = Problem.of(413, "payload_too_large", "Payload too large",
                        "The request body is larger than " + MAX_BODY_BYTES / 1024 + " KiB", null);
                ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(Json.encode(p));
                return;
            }
            ctx.next();
        });
    }

    private static boolean tooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > MAX_BODY_BYTES;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
