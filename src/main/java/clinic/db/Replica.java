package clinic.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The read replica of {@code QUARKUS_DATASOURCE_REPLICA_JDBC_URL}, when there is one: its pool, whether it answers
 * (as {@link ReplicaProbe} last found, or a connection attempt just failed), and how far it lags behind the primary.
 */
@ApplicationScoped
public class Replica {

    /** The state readiness reports: up or down, and the WAL bytes the replica has still to replay. */
    public record State(boolean up, Long lagBytes) {
    }

    private static final Logger LOG = Logger.getLogger(Replica.class);

    private final AgroalDataSource primary;
    private final AgroalDataSource pool;
    private volatile State state = new State(false, null);

    Replica(AgroalDataSource primary, @DataSource("replica") Instance<AgroalDataSource> replica,
            @ConfigProperty(name = "quarkus.datasource.replica.jdbc.url") Optional<String> url) {
        this.primary = primary;
        // Without a URL the datasource is inactive: looking it up would fail.
        this.pool = url.isPresent() ? replica.get() : null;
    }

    public boolean configured() {
        return pool != null;
    }

    public State state() {
        return state;
    }

    /**
     * A connection to the replica once it has replayed {@code token} (any position when null), or empty: the
     * replica is down, behind, or failed to connect (then it counts as down until the probe finds it back).
     */
    Optional<Connection> connection(String token) {
        if (!state.up()) {
            return Optional.empty();
        }
        Connection c = null;
        try {
            c = pool.getConnection();
            if (token == null || replayed(c, token)) {
                return Optional.of(c);
            }
            c.close();
            return Optional.empty();
        } catch (SQLException e) {
            down(e);
            close(c);
            return Optional.empty();
        }
    }

    /** One statement on the replica's connection: has it replayed the primary's WAL that far? */
    private static boolean replayed(Connection c, String token) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select pg_last_wal_replay_lsn() >= ?::pg_lsn")) {
            st.setString(1, token);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** The primary's WAL position now: once a write has committed, a replica at or past it has that write. */
    String primaryPosition() throws SQLException {
        try (Connection c = primary.getConnection(); PreparedStatement st = c.prepareStatement(
                "select pg_current_wal_insert_lsn()::text"); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The probe: the replica's replay position (one statement), and its distance from the primary's. */
    void check() {
        String replayed;
        try (Connection c = pool.getConnection(); PreparedStatement st = c.prepareStatement(
                "select pg_last_wal_replay_lsn()::text"); ResultSet rs = st.executeQuery()) {
            rs.next();
            replayed = rs.getString(1);
        } catch (SQLException | RuntimeException e) {
            down(e);
            return;
        }
        if (!state.up()) {
            LOG.info("The read replica answers: reads outside a write go to it");
        }
        state = new State(true, lag(replayed));
    }

    /** Null when unknown: the primary is down, or the replica is no standby (it replays nothing). */
    private Long lag(String replayed) {
        try {
            return replayed == null ? null : Math.max(0, bytes(primaryPosition()) - bytes(replayed));
        } catch (SQLException e) {
            return null;
        }
    }

    /** A pg_lsn's text, {@code 16/B374D848}, as the byte position it names. */
    private static long bytes(String lsn) {
        int slash = lsn.indexOf('/');
        return (Long.parseLong(lsn.substring(0, slash), 16) << 32) + Long.parseLong(lsn.substring(slash + 1), 16);
    }

    private void down(Exception e) {
        if (state.up()) {
            LOG.warnf("The read replica failed (%s): reads go to the primary until it answers",
                    e.getClass().getSimpleName());
            // its idle connections are dead too; the ones in use are dropped as they come back
            pool.flush(AgroalDataSource.FlushMode.GRACEFUL);
        }
        state = new State(false, null);
    }

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already broken: the pool drops it
            }
        }
    }
}
