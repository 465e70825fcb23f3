package clinic.model;

import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.concurrent.Callable;

/** Sequelize's managed {@code sequelize.transaction(cb)}: commits when the callback returns, rolls back if it throws. */
public final class Transactions {

    private Transactions() {
    }

    public static <T> T transaction(Callable<T> callback) {
        return QuarkusTransaction.requiringNew().call(callback);
    }
}
