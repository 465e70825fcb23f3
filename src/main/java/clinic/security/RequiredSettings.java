package clinic.security;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * The packaged jar verifies tokens only against the provider it is told of: without the JWKS location and the
 * issuer it would accept nothing (or, worse, something else), so it refuses to start and says why in one line.
 */
@ApplicationScoped
@IfBuildProfile("prod")
public class RequiredSettings {

    private static final Logger LOG = Logger.getLogger(RequiredSettings.class);
    /** The settings the jar refuses to start without. */
    public static final List<String> REQUIRED = List.of("mp.jwt.verify.publickey.location", "mp.jwt.verify.issuer");

    void check(@Observes @Priority(1) StartupEvent start, Config config) {
        List<String> missing = REQUIRED.stream()
                .filter(name -> config.getOptionalValue(name, String.class).filter(v -> !v.isBlank()).isEmpty())
                .map(name -> name.toUpperCase().replace('.', '_'))
                .toList();
        if (!missing.isEmpty()) {
            LOG.fatal("Refusing to start: set " + String.join(" and ", missing)
                    + " to the OIDC provider's JWKS location and issuer (see README, Access)");
            // before the HTTP server listens; a thrown exception would bury the line in stack traces
            Runtime.getRuntime().halt(78);
        }
    }
}
