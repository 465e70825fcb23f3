package clinic.db;

/** A command line the CLI cannot run (unknown verb, missing or bad flag): said in one line, with the verb's usage. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
