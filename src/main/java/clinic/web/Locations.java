package clinic.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.net.URI;

/**
 * {@code Location} as a path-absolute reference ({@code /doctors/2}): JAX-RS makes every location absolute from the
 * Host the client sent. Behind a proxy, {@code quarkus.http.proxy.*} (off by default) decides what the path is.
 */
public class Locations {

    @ServerResponseFilter
    public void pathAbsolute(ContainerRequestContext request, ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location == null) {
            return;
        }
        URI target = URI.create(location.toString());
        URI base = request.getUriInfo().getBaseUri();
        if (target.isAbsolute() && target.getScheme().equals(base.getScheme())
                && String.valueOf(target.getRawAuthority()).equals(base.getRawAuthority())) {
            String query = target.getRawQuery();
            String path = target.getRawPath() + (query == null ? "" : "?" + query);
            response.getHeaders().putSingle(HttpHeaders.LOCATION, path);
        }
    }
}
