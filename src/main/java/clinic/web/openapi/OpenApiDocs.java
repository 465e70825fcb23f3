package clinic.web.openapi;

import clinic.security.Problems;
import clinic.web.RequestLimits;
import clinic.web.problem.Problem;
import clinic.web.problem.ProblemException;
import clinic.web.query.QueryString;

import java.util.List;

/** The words of the OpenAPI document that no annotation carries: the API's guide and the problems by case. */
final class OpenApiDocs {

    private OpenApiDocs() {
    }

    /** One case an operation can fail with, and the problem document it answers. */
    record Case(String name, String when, Problem example) {
    }

    static final String INFO = """
            Doctors, patients and appointments over PostgreSQL with the model API of Sequelize: each operation \
            names the Sequelize call it stands for.

            **Access.** Every operation here needs `Authorization: Bearer <token>`, an access token of the \
            clinic's OIDC provider: press **Authorize** and paste one. In dev mode, `GET /dev/token?as=admin` \
            (or `clerk`, `doctor:<id>`, `patient:<id>`) answers one. Roles: `admin`, `clerk` (front desk), \
            `doctor`, `patient`; a doctor sees their own appointments and the patients they have seen, a patient \
            their own record and appointments. A row outside your records answers 404, like a missing one; an \
            operation your roles may not do, or a field you may not set, answers 403. Every request with a valid \
            token leaves an audit event (see **Audit**: `GET /audit-events`, `GET /patients/{id}/access-log`).

            **Rows.** JSON is camelCase. Every row has `id`, `createdAt`, `updatedAt` (ISO-8601, UTC), `deletedAt` \
            (null unless soft-deleted) and `version`; they are read-only, and ignored in a request body. An unknown \
            body field is a 400, so a typo never drops data silently.

            **List query**: the options of `findAll`, with brackets as Express's `qs` parses them.

            | parameter | example | meaning |
            |---|---|---|
            | `where[f]=v` | `where[status]=booked` | `f = v` |
            | `where[f][op]=v` | `where[date][gte]=2026-01-01T00:00:00Z` | operators `eq ne gt gte lt lte between \
            notBetween in notIn like notLike iLike notILike startsWith endsWith substring is not`, and `contains` \
            for array fields; lists comma-separated; `is` takes `null`, `true`, `false` |
            | `where[or][i][f][op]=v` | `where[or][0][name][iLike]=%ann%&where[or][1][email][iLike]=%ann%` | OR \
            of groups, each group ANDs its conditions |
            | `include=a,b.c` | `include=doctor,patient`, `include=appointments.patient` | eager loading, nested \
            with dots |
            | `include[i][…]` | `include[0][association]=appointments&include[0][where][status]=booked\
            &include[0][required]=false&include[0][order]=date:desc&include[0][limit]=5\
            &include[0][include][0][association]=patient` | Sequelize's include objects: `association`, `where` \
            (filters that level; required up the chain unless `required=false`), `required`, `attributes` (only \
            those columns are read), `paranoid`, `order` and `limit` within each parent (cut in SQL), nested `include` |
            | `order=f[:dir],…` | `order=date:desc,id`, `order=-date,id`, `order=patient.name:desc` | `asc` by \
            default; ties broken by `id`; a to-one include's field too |
            | `scope=s,…` | `scope=upcoming` | the model's named scopes (Appointment: `upcoming`, `withPeople`) |
            | `limit`, `offset` | `limit=20&offset=40` | `limit` 50 by default, at most 1000 |
            | `attributes=f,…` | `attributes=id,name` | sparse fields, selected in SQL; `id` always present |
            | `paranoid=false` | | include soft-deleted rows |

            Fields and operators are checked per model: anything else is a 400 naming the allowed ones. A list \
            answers `X-Total-Count` (rows matching, ignoring `limit` and `offset`) and an RFC 8288 `Link` header \
            with `first`, `prev` and `next`.

            **Writes.** A row's `ETag` is `"<version>"`; send it back as `If-Match` on PATCH or PUT to get a 412 \
            instead of overwriting a newer version. DELETE is a soft delete (Sequelize's `paranoid`): it sets \
            `deletedAt` and hides the row, `paranoid=false` shows it, `POST …/{id}/restore` undoes it; \
            `?force=true` deletes for real.

            **Errors** are `application/problem+json` (RFC 9457) with a stable `code` and, for input errors, \
            `errors` of `{field, message}`: 400 bad input, 404 not found, 409 conflict (`unique_violation`, \
            `appointment_overlap`, `still_referenced`, `stale_version`), 412 `If-Match` mismatch, 422 \
            `missing_reference`, 413 `payload_too_large`, 503 database unavailable.

            """ + OpenApiConsistency.GUIDE + limits();

    /** The limits on what a client may send; LimitsTest and HostileInputTest hold the service to them. */
    private static String limits() {
        return "\n**Limits.** A request body is at most " + RequestLimits.MAX_BODY_BYTES / 1024 + " KiB, with or "
                + "without a Content-Length (chunked): more is a 413 `payload_too_large`. A query string is at most "
                + QueryString.MAX_LENGTH / 1024 + " KiB, `limit` at most " + QueryString.MAX_LIMIT + ", `include` at "
                + "most " + QueryString.MAX_INCLUDE_DEPTH + " levels deep and `where` at most "
                + QueryString.MAX_CONDITIONS + " conditions: more is a 400 naming the limit. Texts may not contain NUL "
                + "(`\\u0000`) or unpaired surrogates, and their lengths count code points. Instants are strings "
                + "(RFC 3339, seconds 0–59, at most microseconds: finer is a 400, as PostgreSQL keeps microseconds) "
                + "and dates `YYYY-MM-DD`, from year 0001 to 9999 (400 otherwise). A `%` not followed by two hex "
                + "digits is a literal `%`, as in Express's `qs`. The model resources answer `application/json` "
                + "only: another `Accept` is a 406 before anything is written. `Location` and `Link` are "
                + "path-absolute. Before the service sees it, the HTTP server answers a bare 414 to a request line "
                + "over 16 KiB.\n";
    }

    static final String BEARER = "An access token (JWT, RS256 or ES256) of the clinic's OIDC provider; in dev mode "
            + "from `GET /dev/token?as=admin`.";

    static final String WHERE = """
            Sequelize's `where`, as Express's `qs` parses brackets:
            - `where[f]=v`: `f = v`
            - `where[f][op]=v` with `op` one of `eq ne gt gte lt lte between notBetween in notIn like notLike iLike \
            notILike startsWith endsWith substring is not contains`; `in`, `notIn`, `between`, `notBetween` and \
            `contains` take a comma-separated list, `is` and `not` take `null` (and `true` or `false` on a boolean); \
            `like`, `notLike`, `iLike` and `notILike` patterns use `%%` and `_` as wildcards and backslash as their \
            escape (`\\%%`, `\\_`, `\\\\` match `%%`, `_`, `\\`), as Sequelize on PostgreSQL; `contains` (array \
            fields) holds every value given
            - `where[or][i][f][op]=v`: an OR of the groups `i`, each group ANDs its conditions

            All conditions outside `or` are ANDed. Fields of %s: %s. Text operators need a text field, range \
            operators a field with an order.

            At most %d conditions, those in `or` groups included, and a query string of at most %d KiB; more \
            is a 400.

            In Swagger UI each key of this object is sent as `where[key]=value`, so `where[f][op]=v` is the key \
            `f][op` and `where[or][0][f][op]=v` the key `or][0][f][op` (see the examples); `{}` filters nothing.""";

    static final String INCLUDE = "Eager loading (Sequelize `include`), comma-separated, nested with dots, "
            + "without N+1 queries, at most %d levels deep (deeper is a 400). Associations of %s: %s; e.g. `%s`.";
    static final String ORDER = "`f[:dir],…` or `-f` for descending, e.g. `%s`; `asc` by default. Ties are "
            + "always broken by `id`, so pages are stable.";
    static final String ATTRIBUTES = "Sparse fields (Sequelize `attributes`), comma-separated, e.g. `id,%s`: only "
            + "those columns are read from the database; `id` is always present. Fields of %s: %s.";
    static final String GROUP = "Sequelize's `count({group})`: count per value of these fields, comma-separated "
            + "(Appointment: `status`, `doctorId`, `patientId`); another field is a 400 naming them. Without it, one "
            + "total.";
    static final String PARANOID = "`false` includes soft-deleted rows (`deletedAt` set).";
    static final String LIMIT = "Rows per page (Sequelize `limit`), at most %d; more is a 400.";
    static final String OFFSET = "Rows to skip (Sequelize `offset`).";
    static final String ID = "The row's id, a positive integer in ASCII digits, without sign or leading zeros.";
    static final String IF_MATCH = "The `ETag` of the version read, e.g. `\"3\"`: if the row has changed since, the "
            + "answer is 412 and nothing is written. Absent or `*`: no check.";
    static final String IF_NONE_MATCH = "ETags from earlier reads (`W/` ignored, or `*`): if one matches the answer's "
            + "`ETag`, the answer is 304 without a body.";
    static final String FORCE = "`true` deletes the row for real (Sequelize `destroy({force: true})`); by default "
            + "the delete is soft and `POST …/{id}/restore` undoes it.";

    static final Case BAD_QUERY = new Case("bad_request (query)", "A query parameter, field, operator or association "
            + "is unknown, or a value does not fit; the message names the allowed ones",
            ProblemException.badRequest("limit", "limit must be an integer from 1 to 1000").problem);
    static final Case BAD_ID = new Case("bad_request (id)", "The id is not a positive integer",
            ProblemException.badRequest("id", "id must be a positive integer, got 'abc'").problem);
    static final Case MALFORMED = new Case("bad_request (JSON)", "The body is not a JSON object",
            Problem.of(400, "bad_request", "Malformed JSON",
                    "The body is not a JSON object: Unexpected end-of-input", null));
    static final Case UNKNOWN_FIELD = new Case("bad_request (field)", "A field is unknown or of the wrong type",
            ProblemException.badRequest("/colour", "unknown field 'colour'; allowed: …").problem);
    static final Case PAYLOAD_TOO_LARGE = new Case("payload_too_large", "The body is larger than "
            + RequestLimits.MAX_BODY_BYTES / 1024 + " KiB, whether sent with a Content-Length or chunked",
            Problem.of(413, "payload_too_large", "Payload too large", "The request body is larger than "
                    + RequestLimits.MAX_BODY_BYTES / 1024 + " KiB", null));
    static final Case STALE = new Case("stale_version", "A concurrent write to the same row won first",
            Problem.of(409, "stale_version", "Conflict",
                    "The row was changed by another request; read it again and retry", null));
    static final Case PRECONDITION = new Case("stale_version (If-Match)", "If-Match does not match the row's version",
            ProblemException.staleVersion(412, "If-Match \"0\" does not match the current version \"1\"; "
                    + "read the row again and retry").problem);
    static final Case STILL_REFERENCED = new Case("still_referenced", "force=true while appointments still "
            + "reference the row", Problem.of(409, "still_referenced", "Conflict",
            "Appointments still reference this row; delete them first or use a soft delete", null));
    static final Case UNAVAILABLE = new Case("database_unavailable", "The database is unreachable; retry shortly",
            Problem.of(503, "database_unavailable", "Service unavailable",
                    "The database is unreachable; retry shortly", null));

    static final Case UNAUTHENTICATED = new Case("unauthenticated", "No bearer token, or one that failed "
            + "verification (then `WWW-Authenticate: Bearer error=\"invalid_token\"`)", Problems.UNAUTHENTICATED);
    static final Case FORBIDDEN = new Case("forbidden", "Your roles do not allow this operation, or the write would "
            + "set a field you may not set (`errors` names it)", Problems.FORBIDDEN);

    static final Problem UNIQUE_VIOLATION = Problem.of(409, "unique_violation", "Conflict", "email is already taken",
            List.of(new Problem.FieldError("/email", "is already taken")));
    static final Problem OVERLAP = Problem.of(409, "appointment_overlap", "Conflict",
            "the doctor already has an appointment overlapping this time", List.of(new Problem.FieldError("/date",
                    "the doctor already has an appointment overlapping this time")));
    static final Problem INVALID_EMAIL = validation("/email", "must be a well-formed email address");
    static final Problem INVALID_DURATION = validation("/durationMinutes", "must be greater than or equal to 5");

    static Case notFound(String model) {
        return new Case("not_found", "No such row, or it is soft-deleted",
                ProblemException.notFound(model, 42).problem);
    }

    static Case missingReference() {
        return new Case("missing_reference", "The doctor or patient referenced does not exist or is deleted",
                ProblemException.missingReference("/doctorId", "Doctor", 42).problem);
    }

    static Case conflict(Problem example) {
        return new Case(example.code(), example.code().equals("unique_violation")
                ? "The email is taken, ignoring case, by a row not deleted"
                : "The doctor or the patient has a live appointment overlapping this time", example);
    }

    static Case invalid(Problem example) {
        return new Case("validation", "A field breaks a rule; `errors` lists each one", example);
    }

    private static Problem validation(String field, String message) {
        return Problem.of(400, "validation", "Validation failed", field + " " + message,
                List.of(new Problem.FieldError(field, message)));
    }
}
