package clinic.web.problem;

import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;

import java.sql.SQLException;
import java.util.List;

/** Translates what PostgreSQL refused into the API's problems, by SQLSTATE and constraint name, never by SQL. */
public final class DatabaseErrors {

    private DatabaseErrors() {
    }

    /** The problem for a database failure anywhere in the cause chain, or null if it is not one. */
    public static Problem toProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Problem p = direct(t);
            if (p != null) {
                return p;
            }
            // A failed commit carries the database's reason as a suppressed exception, not as its cause.
            for (Throwable suppressed : t.getSuppressed()) {
                Problem q = toProblem(suppressed);
                if (q != null) {
                    return q;
                }
            }
        }
        return null;
    }

    private static Problem direct(Throwable t) {
        if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
            return Problem.of(409, "stale_version", "Conflict",
                    "The row was changed by another request; read it again and retry", null);
        }
        if (t instanceof JDBCConnectionException) {
            return unavailable();
        }
        return t instanceof SQLException sql ? fromSql(sql) : null;
    }

    private static Problem fromSql(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (state.startsWith("08") || state.startsWith("57P") || message.contains("acquisition timeout")) {
            return unavailable();
        }
        if (state.startsWith("22")) {
            // data exception: a value PostgreSQL cannot take (too long, out of its range, bad encoding)
            return Problem.of(400, "validation", "Validation failed", "A value is out of range for its field", null);
        }
        return switch (state) {
            case "23505" -> Problem.of(409, "unique_violation", "Conflict", "email is already taken",
                    List.of(new Problem.FieldError("/email", "is already taken")));
            case "23P01" -> overlap(message.contains("patient_no_overlap") ? "patient" : "doctor");
            // the DETAIL ("is still referenced") stays out of messages (logServerErrorDetail=false): the message tells
            case "23503" -> message.contains("update or delete on table")
                    ? Problem.of(409, "still_referenced", "Conflict",
                    "Appointments still reference this row; delete them first or use a soft delete", null)
                    : Problem.of(422, "missing_reference", "Referenced row missing",
                    "A referenced doctor or patient does not exist", null);
            case "23514", "23502" -> Problem.of(400, "validation", "Validation failed",
                    "A value is out of range for its field", null);
            default -> null;
        };
    }

    private static Problem overlap(String who) {
        String message = "the " + who + " already has an appointment overlapping this time";
        return Problem.of(409, "appointment_overlap", "Conflict", message,
                List.of(new Problem.FieldError("/date", message)));
    }

    private static Problem unavailable() {
        return Problem.of(503, "database_unavailable", "Service unavailable",
                "The database is unreachable; retry shortly", null);
    }
}
