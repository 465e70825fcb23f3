package clinic.security;

import clinic.model.RequestAccess;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Every request the resources serve reads through the caller's access, set before any resource runs. */
public class AccessFilter {

    private final RequestAccess access;
    private final Guard guard;

    public AccessFilter(RequestAccess access, Guard guard) {
        this.access = access;
        this.guard = guard;
    }

    @ServerRequestFilter
    public void narrow() {
        access.actAs(guard);
    }
}
