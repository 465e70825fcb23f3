package clinic.model;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.sql.SQLException;
import java.util.concurrent.Callable;

/** Sequelize's managed {@code sequelize.transaction(cb)}: commits when the callback returns, rolls back if it throws. */
public final class Transactions {

    /** Sequelize's {@code Transaction.ISOLATION_LEVELS}, as PostgreSQL has them. */
    public enum Isolation {
        READ_COMMITTED("READ COMMITTED"), REPEATABLE_READ("REPEATABLE READ"), SERIALIZABLE("SERIALIZABLE");

        private final String sql;

        Isolation(String sql) {
            this.sql = sql;
        }
    }

    private Transactions() {
    }

    public static <T> T transaction(Callable<T> callback) {
        return QuarkusTransaction.requiringNew().call(callback);
    }

    /**
     * {@code sequelize.transaction({isolationLevel}, cb)}, run again up to {@code retries} times when PostgreSQL
     * refuses it as a serialization failure (SQLSTATE 40001), as serializable transactions are meant to be used.
     */
    public static <T> T transaction(Isolation isolation, int retries, Callable<T> callback) {
        for (int attempt = 0; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    // the first statement of the transaction, as PostgreSQL requires
                    Panache.getEntityManager().createNativeQuery("SET TRANSACTION ISOLATION LEVEL " + isolation.sql)
                            .executeUpdate();
                    return callback.call();
                });
            } catch (RuntimeException e) {
                if (attempt >= retries || !serializationFailure(e)) {
                    throw e;
                }
            }
        }
    }

    /** Runs once the current transaction has committed; never if it rolls back (a JTA synchronization). */
    public static void afterCommit(Runnable work) {
        Arc.container().instance(TransactionSynchronizationRegistry.class).get()
                .registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                    }

                    @Override
                    public void afterCompletion(int status) {
                        if (status == Status.STATUS_COMMITTED) {
                            work.run();
                        }
                    }
                });
    }

    /** The unmanaged form: {@code const t = await sequelize.transaction(); … t.commit()} or {@code t.rollback()}. */
    public static void begin() {
        QuarkusTransaction.begin();
    }

    public static void commit() {
        QuarkusTransaction.commit();
    }

    public static void rollback() {
        QuarkusTransaction.rollback();
    }

    private static boolean serializationFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "40001".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
