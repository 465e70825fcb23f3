package clinic.web;

import clinic.web.problem.Problem;
import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The methods each path allows, read once from the resources' JAX-RS annotations: {@code OPTIONS} answers them and
 * every 405 names them in {@code Allow} (RFC 9110 §9.3.7, §15.5.6). JAX-RS alone listed every method for every path.
 */
public class AllowedMethods {

    /** By the path's first segment, so a request tries its own resource's few templates (all of them was 2.5 % of by-id). */
    private static volatile Map<String, List<Route>> routes;

    /**
     * Before routing, as JAX-RS would otherwise send a method a path lacks to a sibling template ({@code PUT
     * /appointments/count} to {@code /appointments/{id}}): OPTIONS answers 204 with the path's {@code Allow}, a method
     * it does not serve 405 with the same. CORS preflights never reach here (Vert.x answers them).
     */
    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        Route route = route(request.getUriInfo().getPath());
        if (route == null) {
            return null;
        }
        if (request.getMethod().equals(HttpMethod.OPTIONS)) {
            return Response.noContent().header("Allow", route.allow).build();
        }
        return route.methods.contains(request.getMethod()) ? null : refusal(request.getMethod(), route.allow);
    }

    public static Response refusal(String method, String allow) {
        return Response.fromResponse(Problem.of(405, "method_not_allowed", "Method Not Allowed", method
                + " is not allowed here; this path allows " + allow, null).toResponse()).header("Allow", allow).build();
    }

    /** The {@code Allow} value for a request path, or null when no resource serves it. */
    public static String of(String path) {
        Route route = route(path);
        return route == null ? null : route.allow;
    }

    private static Route route(String path) {
        String normalized = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (Route route : routes().getOrDefault(firstSegment(normalized), List.of())) {
            if (route.pattern.matcher(normalized).matches()) {
                return route;
            }
        }
        return null;
    }

    private static String firstSegment(String path) {
        int end = path.indexOf('/', 1);
        return end < 0 ? path : path.substring(0, end);
    }

    private static Map<String, List<Route>> routes() {
        if (routes == null) {
            Map<String, List<Route>> byFirst = new LinkedHashMap<>();
            // every template starts with a literal segment (the resources' @Path), so each has one bucket
            scan().forEach(r -> byFirst.computeIfAbsent(firstSegment(r.template), k -> new ArrayList<>()).add(r));
            routes = byFirst;
        }
        return routes;
    }

    private static List<Route> scan() {
        Map<String, Set<String>> methods = new LinkedHashMap<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path base = type.getAnnotation(Path.class);
            if (base == null) {
                continue;
            }
            for (Method m : type.getMethods()) {
                String verb = verb(m);
                if (verb != null) {
                    Path sub = m.getAnnotation(Path.class);
                    String template = join(base.value(), sub == null ? "" : sub.value());
                    Set<String> allowed = methods.computeIfAbsent(template, t -> new TreeSet<>(Set.of("OPTIONS")));
                    allowed.add(verb);
                    if (verb.equals(HttpMethod.GET)) {
                        allowed.add(HttpMethod.HEAD);
                    }
                }
            }
        }
        List<Route> found = new ArrayList<>();
        methods.forEach((template, allowed) -> found.add(new Route(template, allowed)));
        // JAX-RS's order (spec §3.7.2): more literal characters first, so /appointments/count beats /appointments/{id}
        found.sort(Comparator.comparingInt((Route r) -> -r.literals).thenComparing(r -> -r.template.length()));
        return found;
    }

    private static String verb(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private record Route(String template, Set<String> methods, String allow, Pattern pattern, int literals) {

        Route(String template, Set<String> methods) {
            this(template, methods, String.join(", ", methods), Pattern.compile(regex(template)),
                    template.replaceAll("\\{[^}]*}", "").length());
        }

        private static String regex(String template) {
            StringBuilder s = new StringBuilder();
            for (String part : template.split("(?=\\{)|(?<=})")) {
                if (part.startsWith("{")) {
                    int colon = part.indexOf(':');
                    s.append('(').append(colon < 0 ? "[^/]+" : part.substring(colon + 1, part.length() - 1).trim())
                            .append(')');
                } else {
                    s.append(Pattern.quote(part));
                }
            }
            return s.toString();
        }
    }
}
