package clinic.web;

import clinic.web.problem.Problem;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * Request targets as Express takes them: a {@code %} not followed by two hex digits is a literal {@code %}
 * ({@code where[name][iLike]=%ann%}), and characters a URI may not hold raw ({@code { } | ^ "}, non-ASCII) are taken
 * as if escaped. Quarkus answered such targets with an empty 400 before any handler ran; its check is off
 * ({@code vertx.disableURIValidation}, see {@link clinic.Main}) and this handler, first in line, re-routes the
 * request with the target escaped, or answers problem+json when even that is no URI.
 */
public class RequestTargets {

    private static final String KEPT = "-._~!$&'()*+,;=:@/?";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String target = ctx.request().uri();
            if (target == null || isUri(target)) {
                ctx.next();
                return;
            }
            String escaped = escaped(target);
            if (escaped.startsWith("/") && isUri(escaped)) {
                ctx.reroute(escaped);
            } else {
                refuse(ctx);
            }
        });
    }

    /** The target with every malformed escape and every character a URI may not hold raw percent-escaped. */
    static String escaped(String target) {
        StringBuilder s = new StringBuilder();
        boolean query = false;
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            query |= c == '?';
            if (c == '%' ? hex(target, i + 1) && hex(target, i + 2) : kept(c, query)) {
                s.append(c);
            } else {
                // the request line is read as ISO-8859-1: a char up to 0xFF is the byte the client sent
                byte[] bytes = c <= 0xFF ? new byte[] {(byte) c} : String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                for (byte b : bytes) {
                    s.append('%').append(String.format("%02X", b & 0xFF));
                }
            }
        }
        return s.toString();
    }

    /** RFC 3986's unreserved and reserved characters, brackets only in the query (java.net.URI's rule). */
    private static boolean kept(char c, boolean query) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || KEPT.indexOf(c) >= 0 || query && (c == '[' || c == ']'));
    }

    private static boolean hex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0 && s.charAt(i) < 0x80;
    }

    private static boolean isUri(String target) {
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void refuse(RoutingContext ctx) {
        Problem p = Problem.of(400, "bad_request", "Bad request", "The request target is not a URI", null);
        ctx.response().setStatusCode(400).putHeader("Content-Type", Problem.MEDIA_TYPE).end(Json.encode(p));
    }
}
