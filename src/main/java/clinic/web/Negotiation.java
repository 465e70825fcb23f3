package clinic.web;

import clinic.web.problem.Problem;
import clinic.web.problem.ProblemException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.List;

/**
 * The resources answer JSON only (they declare no {@code @Produces}): an {@code Accept} that JSON cannot satisfy is
 * a 406 problem+json before the resource runs, so nothing is written. Left to JAX-RS, it answered 200 with a Java
 * {@code toString()} as the body, after committing the write. Errors stay problem+json whatever was asked for.
 */
public class Negotiation {

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        if (!answersJson(resource)) {
            return;
        }
        List<String> accept = request.getHeaders().get("Accept");
        if (accept != null && !acceptsJson(String.join(",", accept))) {
            throw new ProblemException(Problem.of(406, "not_acceptable", "Not acceptable", "This resource answers "
                    + MediaType.APPLICATION_JSON + " only; send Accept: application/json, application/* or */* (or no "
                    + "Accept)", null));
        }
    }

    /** What was accepted is answered as JSON: JAX-RS alone picked application/octet-stream for application/*. */
    @ServerResponseFilter
    public void json(ContainerResponseContext response, ResourceInfo resource) {
        MediaType type = response.getMediaType();
        if (answersJson(resource) && response.hasEntity()
                && (type == null || !type.isCompatible(MediaType.valueOf(Problem.MEDIA_TYPE)))) {
            response.setEntity(response.getEntity(), response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
        }
    }

    private static boolean answersJson(ResourceInfo resource) {
        return resource.getResourceMethod() != null && !resource.getResourceMethod().isAnnotationPresent(Produces.class)
                && !resource.getResourceClass().isAnnotationPresent(Produces.class);
    }

    /** RFC 9110 §12.5.1: the most specific range that matches application/json decides, by its q (0 refuses). */
    static boolean acceptsJson(String header) {
        if (header.isBlank()) {
            return true;
        }
        int specificity = -1;
        boolean accepted = false;
        for (String part : header.split(",")) {
            MediaType range;
            try {
                range = MediaType.valueOf(part.trim());
            } catch (IllegalArgumentException malformed) {
                continue;
            }
            int s = range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
            if (range.isCompatible(MediaType.APPLICATION_JSON_TYPE) && s > specificity) {
                specificity = s;
                accepted = quality(range.getParameters().get("q")) > 0;
            }
        }
        return accepted;
    }

    private static double quality(String q) {
        try {
            return q == null ? 1 : Double.parseDouble(q);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
