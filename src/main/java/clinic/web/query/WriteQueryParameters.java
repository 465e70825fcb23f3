package clinic.web.query;

import clinic.web.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes take no list query: DELETE takes {@code force=true|false} and nothing else. A typo such as
 * {@code ?forse=true} or {@code ?force=yes} is a 400, not a silent soft delete.
 */
public class WriteQueryParameters {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @ServerRequestFilter
    public void check(ContainerRequestContext request) {
        String method = request.getMethod();
        if (!WRITES.contains(method)) {
            return;
        }
        boolean delete = "DELETE".equals(method);
        for (Map.Entry<String, List<String>> e : request.getUriInfo().getQueryParameters().entrySet()) {
            String name = e.getKey();
            if (!delete || !name.equals("force")) {
                throw ProblemException.badRequest(name, "unknown query parameter '" + name + "'; allowed: "
                        + (delete ? "force" : "none"));
            }
            if (e.getValue().size() != 1 || !List.of("true", "false").contains(e.getValue().get(0))) {
                throw ProblemException.badRequest(name, "force must be true or false");
            }
        }
    }
}
