package clinic;

import io.quarkus.arc.Arc;

import java.util.concurrent.Callable;

/**
 * Model code off a request's thread (a {@code @BeforeAll}, an executor) runs in a CDI request context, as the
 * replica routing's tenant needs one (README, Scaling out).
 */
public final class RequestScope {

    private RequestScope() {
    }

    public static <T> T call(Callable<T> work) throws Exception {
        var context = Arc.container().requestContext();
        if (context.isActive()) {
            return work.call();
        }
        context.activate();
        try {
            return work.call();
        } finally {
            context.terminate();
        }
    }

    public static void run(Runnable work) {
        try {
            call(() -> {
                work.run();
                return null;
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
