package clinic.web.problem;

import java.util.List;

/** Thrown where a request cannot be served; becomes its problem+json response. */
public class ProblemException extends RuntimeException {

    public final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(Problem.of(400, "bad_request", "Bad request", message,
                List.of(new Problem.FieldError(field, message))));
    }

    public static ProblemException notFound(String model, Object id) {
        return new ProblemException(Problem.of(404, "not_found", "Not found", model + " " + id + " was not found",
                null));
    }

    public static ProblemException missingReference(String field, String model, Object id) {
        String message = model + " " + id + " does not exist or is deleted";
        return new ProblemException(Problem.of(422, "missing_reference", "Referenced row missing", message,
                List.of(new Problem.FieldError(field, message))));
    }

    public static ProblemException staleVersion(int status, String detail) {
        return new ProblemException(Problem.of(status, "stale_version",
                status == 412 ? "Precondition failed" : "Conflict", detail, null));
    }
}
