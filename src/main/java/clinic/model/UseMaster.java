package clinic.model;

import java.util.function.Supplier;

/**
 * Sequelize's {@code useMaster}: a find run through here reads from the primary even where the request's other
 * reads go to a replica (the connections it acquires are the primary's).
 */
public final class UseMaster {

    private static final ThreadLocal<Boolean> ON = new ThreadLocal<>();

    private UseMaster() {
    }

    static <T> T run(Supplier<T> find) {
        if (active()) {
            return find.get();
        }
        ON.set(true);
        try {
            return find.get();
        } finally {
            ON.remove();
        }
    }

    public static boolean active() {
        return ON.get() != null;
    }
}
