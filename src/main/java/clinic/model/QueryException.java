package clinic.model;

/** A find option that does not fit the model: unknown attribute, wrong operator or a value of the wrong type. */
public class QueryException extends RuntimeException {

    /** The attribute, association or option the message is about. */
    public final String subject;

    public QueryException(String subject, String message) {
        super(message);
        this.subject = subject;
    }
}
