package clinic.model;

import jakarta.enterprise.context.RequestScoped;

import java.util.function.Supplier;

/**
 * The access of the request being served. The HTTP layer sets it for every request before any resource runs
 * (an anonymous one sees nothing), so the system's access inside a request is only ever asked for by name.
 */
@RequestScoped
public class RequestAccess {

    private Access access = Access.SYSTEM;

    Access current() {
        return access;
    }

    public void actAs(Access access) {
        this.access = access;
    }

    <T> T asSystem(Supplier<T> work) {
        Access caller = access;
        access = Access.SYSTEM;
        try {
            return work.get();
        } finally {
            access = caller;
        }
    }
}
