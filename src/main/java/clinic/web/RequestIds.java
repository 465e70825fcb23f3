package clinic.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Each request's id, taken once before anything else runs: the client's {@code X-Request-Id} when it is safe to
 * echo, else a new UUID. The same value goes back in the response header, in problem bodies, in the log's MDC
 * ({@code %X{requestId}}) and in the audit event; Quarkus keeps the MDC in the request's own Vert.x context, so it
 * follows the request onto worker threads and never leaks into another request.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String KEY = "requestId";
    /** Nothing that could split a log line, forge a header or carry markup. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String sent = ctx.request().getHeader(HEADER);
            String id = sent != null && SAFE.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
            ctx.put(KEY, id);
            MDC.put(KEY, id);
            ctx.response().putHeader(HEADER, id);
            ctx.next();
        });
    }

    /** The id of the request being served, or null outside one (start-up, migrations). */
    public static String current() {
        Object id = MDC.get(KEY);
        return id == null ? null : id.toString();
    }

    /** From the request itself, on any thread (the MDC needs the request's Vert.x context). */
    public static String of(RoutingContext ctx) {
        String id = ctx.get(KEY);
        return id != null ? id : current();
    }
}
