package clinic.web.openapi;

import clinic.web.problem.ProblemException;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;

/** {@code X-Consistency-Token} in the document: answered by every successful write, sent back on a read. */
final class OpenApiConsistency {

    static final String HEADER = "X-Consistency-Token";

    static final String GUIDE = """
            **Read-your-writes.** With a read replica configured, a GET is answered from the replica and may lag \
            behind the primary by its replay delay (usually milliseconds). Every successful write answers an \
            opaque `X-Consistency-Token`; a GET that sends it back in the same header is answered from data that \
            includes that write (the replica once it has replayed it, else the primary). A malformed token is a \
            400 naming the header. Without a replica everything is read from the primary and no token is sent.
            """;

    static final OpenApiDocs.Case BAD_TOKEN = new OpenApiDocs.Case("bad_request (token)", HEADER + " is not a "
            + "token a write answered", ProblemException.badRequest(HEADER, HEADER
            + " must be a token a write answered, sent back unchanged").problem);

    private OpenApiConsistency() {
    }

    static Parameter parameter() {
        return OASFactory.createParameter().name(HEADER).in(Parameter.In.HEADER).example("0/3000148")
                .description("The `" + HEADER + "` a write answered: the answer then includes that write (read "
                        + "from the primary until the replica has replayed it). Opaque; a malformed one is a 400.")
                .schema(OASFactory.createSchema().type(List.of(SchemaType.STRING)));
    }

    /** On a write's success answer (with a replica configured): the token that makes a later read see the write. */
    static void answered(APIResponses responses) {
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.addHeader(HEADER, OASFactory.createHeader().description("Opaque; send it back on a GET "
                        + "to read this write (only with a read replica configured)")
                        .schema(OASFactory.createSchema().type(List.of(SchemaType.STRING))));
            }
        });
    }
}
