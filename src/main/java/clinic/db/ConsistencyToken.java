package clinic.db;

import java.util.regex.Pattern;

/**
 * {@code X-Consistency-Token}: the primary's WAL position after a write (a {@code pg_lsn}'s text, opaque to clients).
 * A read that sends it back is served by a replica only once the replica has replayed that far.
 */
public final class ConsistencyToken {

    public static final String HEADER = "X-Consistency-Token";
    private static final Pattern LSN = Pattern.compile("[0-9A-Fa-f]{1,8}/[0-9A-Fa-f]{1,8}");

    private ConsistencyToken() {
    }

    public static boolean wellFormed(String token) {
        return LSN.matcher(token).matches();
    }
}
