package clinic.db;

import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;
import liquibase.exception.LockException;
import liquibase.lockservice.StandardLockService;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Liquibase's changelog lock, taken only while holding a PostgreSQL session advisory lock. Liquibase's own lock is a
 * row of databasechangeloglock that stays LOCKED when its holder dies mid-migration (SIGKILL, OOM, a lost node), and
 * every other instance then waits for it until Liquibase gives up. PostgreSQL releases a session's advisory lock when
 * the session ends, so whoever holds it knows that a LOCKED row is a dead holder's and clears it. Found by Liquibase
 * through META-INF/services, so Quarkus's migrate-at-start and the db:* commands both take it.
 */
public class SessionLockService extends StandardLockService {

    /** "clinic" in ASCII: above the int range, so never one of findOrCreate's hashtext() keys. */
    static final long KEY = 0x636c696e6963L;

    private static final Logger LOG = Logger.getLogger(SessionLockService.class);

    private boolean holdsSessionLock;

    @Override
    public int getPriority() {
        return PRIORITY_DATABASE;
    }

    @Override
    public boolean supports(Database database) {
        return database instanceof PostgresDatabase && database.getConnection() instanceof JdbcConnection;
    }

    @Override
    public boolean acquireLock() throws LockException {
        if (hasChangeLogLock()) {
            return true;
        }
        try {
            if (!holdsSessionLock && !trySessionLock()) {
                return false;
            }
            init();
            clearDeadHoldersLock();
            if (super.acquireLock()) {
                return true;
            }
            releaseSessionLock();
            return false;
        } catch (SQLException | DatabaseException e) {
            throw new LockException(e);
        }
    }

    @Override
    public void releaseLock() throws LockException {
        try {
            super.releaseLock();
        } finally {
            try {
                releaseSessionLock();
            } catch (SQLException e) {
                // the session is going away with its lock, or it is still held: either way the row is released
                LOG.warn("Could not release the migration's advisory lock: " + e.getMessage());
            }
        }
    }

    private boolean trySessionLock() throws SQLException {
        holdsSessionLock = queryBoolean("SELECT pg_try_advisory_lock(" + KEY + ")");
        return holdsSessionLock;
    }

    private void releaseSessionLock() throws SQLException {
        if (holdsSessionLock) {
            holdsSessionLock = false;
            queryBoolean("SELECT pg_advisory_unlock(" + KEY + ")");
        }
    }

    /** Every live holder of the row holds the advisory lock too, and we hold it now: a LOCKED row is a dead one's. */
    private void clearDeadHoldersLock() throws SQLException, DatabaseException {
        String table = database.escapeTableName(database.getLiquibaseCatalogName(), database.getLiquibaseSchemaName(),
                database.getDatabaseChangeLogLockTableName());
        try (Statement st = connection().createStatement();
             ResultSet dead = st.executeQuery("SELECT lockedby, lockgranted FROM " + table + " WHERE locked")) {
            if (!dead.next()) {
                return;
            }
            LOG.warnf("Clearing the changelog lock left by %s since %s: its session is gone, so it died while"
                    + " migrating (its running changeset rolled back with it)", dead.getString(1), dead.getTimestamp(2));
        }
        try (Statement st = connection().createStatement()) {
            st.executeUpdate("UPDATE " + table + " SET locked = FALSE, lockgranted = NULL, lockedby = NULL WHERE locked");
        }
        database.commit();
    }

    private boolean queryBoolean(String sql) throws SQLException {
        try (Statement st = connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private Connection connection() {
        return ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
    }
}
