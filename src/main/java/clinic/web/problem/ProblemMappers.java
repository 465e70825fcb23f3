package clinic.web.problem;

import clinic.model.QueryException;
import clinic.web.AllowedMethods;
import clinic.web.json.Bodies;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Every error leaves as problem+json; nothing a client sees names a class, a stack frame or SQL. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem.toResponse();
    }

    @ServerExceptionMapper
    public Response query(QueryException e) {
        return ProblemException.badRequest(e.subject, e.getMessage()).problem.toResponse();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        return validationProblem(e).toResponse();
    }

    public static Problem validationProblem(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError("/" + v.getPropertyPath(), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        return Problem.of(400, "validation", "Validation failed", detail, errors);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return Bodies.problem(e).toResponse();
    }

    /** Also a JsonProcessingException, but Quarkus maps it itself (a bare 400) unless mapped here by name. */
    @ServerExceptionMapper
    public Response mismatch(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, Request request) {
        int status = e.getResponse().getStatus();
        if (status == 405) {
            return AllowedMethods.refusal(request.getMethod(), AllowedMethods.of(uri.getPath()));
        }
        Throwable cause = e.getCause();
        if (status == 400 && cause instanceof JsonProcessingException json) {
            return json(json);
        }
        String code = switch (status) {
            case 404 -> "not_found";
            case 406 -> "not_acceptable";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            default -> status >= 500 ? "internal" : "bad_request";
        };
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return Problem.of(status, code, title, title, null).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        Problem known = DatabaseErrors.toProblem(e);
        if (known != null) {
            return known.toResponse();
        }
        LOG.error("Unexpected error", e);
        return Problem.of(500, "internal", "Internal error", "The request could not be completed", null)
                .toResponse();
    }
}
