package clinic.web.openapi;

import clinic.web.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static clinic.web.openapi.OpenApiDocs.BAD_ID;
import static clinic.web.openapi.OpenApiDocs.BAD_QUERY;
import static clinic.web.openapi.OpenApiDocs.MALFORMED;
import static clinic.web.openapi.OpenApiDocs.UNKNOWN_FIELD;

/**
 * Completes the OpenAPI document by kind of operation, so a resource states only what is its own (summary, the
 * Sequelize call, body examples): the columns every model has, the list query parameters, the success responses
 * with their headers and every problem+json error an operation can answer. Registered with mp.openapi.filter.
 */
public class OpenApiFilter implements OASFilter {

    /** What an operation is, told by its method and the shape of its path. */
    enum Kind { LIST, ASSOCIATION, READ, COUNT, CREATE, UPDATE, DESTROY, RESTORE }

    static final String BEARER = "bearer";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        api.getInfo().description(OpenApiDocs.INFO);
        // The resources bind bodies as ObjectNode (to report unknown fields); the bodies are documented as models.
        List.of("ObjectNode", "JsonNode", "JsonNodeType").forEach(api.getComponents()::removeSchema);
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        OpenApiModels.ALL.forEach(m -> OpenApiModels.complete(schemas.get(m.schema())));
        OpenApiPatches.add(api);
        OpenApiNested.add(api);
        api.getComponents().addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT").description(OpenApiDocs.BEARER));
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, op) -> {
            String[] segments = path.substring(1).split("/");
            if (segments.length == 3 && segments[2].equals("access-log")) {
                accessLog(op);
            } else if (OpenApiModels.documents(segments[0])) {
                complete(op, method, segments, schemas);
            }
        }));
    }

    static Kind kind(HttpMethod method, String[] segments) {
        if (segments.length == 1) {
            return method == HttpMethod.GET ? Kind.LIST : Kind.CREATE;
        }
        if (segments.length == 3) {
            return segments[2].equals("restore") ? Kind.RESTORE : Kind.ASSOCIATION;
        }
        if (segments[1].equals("count")) {
            return Kind.COUNT;
        }
        return method == HttpMethod.GET ? Kind.READ : method == HttpMethod.DELETE ? Kind.DESTROY : Kind.UPDATE;
    }

    private void complete(Operation op, HttpMethod method, String[] segments, Map<String, Schema> schemas) {
        Kind kind = kind(method, segments);
        OpenApiModels owner = OpenApiModels.byPath(segments[0]);
        OpenApiModels target = kind == Kind.ASSOCIATION ? OpenApiModels.byPath(segments[2]) : owner;
        if (op.getParameters() != null) {
            op.getParameters().forEach(OpenApiFilter::describe);
        }
        List<String> fields = new ArrayList<>(schemas.get(target.schema()).getProperties().keySet());
        if (kind == Kind.LIST || kind == Kind.ASSOCIATION) {
            op.addParameter(OpenApiParameters.where(target, fields));
            op.addParameter(OpenApiParameters.include(target));
            op.addParameter(OpenApiParameters.order(target, fields));
            op.addParameter(OpenApiParameters.limit());
            op.addParameter(OpenApiParameters.offset());
        }
        if (kind == Kind.COUNT) {
            op.addParameter(OpenApiParameters.where(target, fields));
            op.addParameter(OpenApiParameters.include(target));
            op.addParameter(OpenApiParameters.group());
            op.addParameter(OpenApiParameters.paranoid());
        }
        if (kind == Kind.LIST || kind == Kind.ASSOCIATION || kind == Kind.READ) {
            if (kind == Kind.READ) {
                op.addParameter(OpenApiParameters.include(target));
                op.addParameter(OpenApiParameters.ifNoneMatch());
            }
            op.addParameter(OpenApiParameters.attributes(target, fields));
            op.addParameter(OpenApiParameters.paranoid());
            op.addParameter(OpenApiConsistency.parameter());
        }
        APIResponses responses = OASFactory.createAPIResponses();
        success(responses, kind, target.schema());
        if (kind == Kind.CREATE || kind == Kind.UPDATE || kind == Kind.DESTROY || kind == Kind.RESTORE) {
            OpenApiConsistency.answered(responses);
        }
        Map<Integer, List<OpenApiDocs.Case>> errors = new TreeMap<>();
        errors(kind, owner).forEach(c -> errors.computeIfAbsent(c.example().status(), s -> new ArrayList<>()).add(c));
        errors.forEach((status, cases) -> responses.addAPIResponse(String.valueOf(status), problem(cases)));
        op.setResponses(responses);
        op.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BEARER));
    }

    /** A patient's access log: paged, and refused or missing like any read. */
    private static void accessLog(Operation op) {
        op.addParameter(OpenApiParameters.limit());
        op.addParameter(OpenApiParameters.offset());
        APIResponses responses = OASFactory.createAPIResponses();
        op.setResponses(responses);
        responses.addAPIResponse("200", OASFactory.createAPIResponse().description("The log's page, newest first: "
                + "`recordedAt`, `actorName`, `roles`, `profile`, `action`, `status`, `path` of each event")
                .addHeader("X-Total-Count", header("Events that touched the patient", SchemaType.INTEGER))
                .addHeader("Link", header("RFC 8288 links to the `first`, `prev` and `next` pages", SchemaType.STRING)));
        Map<Integer, List<OpenApiDocs.Case>> errors = new TreeMap<>();
        List.of(BAD_ID, BAD_QUERY, OpenApiDocs.notFound("Patient"), OpenApiDocs.UNAUTHENTICATED, OpenApiDocs.FORBIDDEN,
                        OpenApiDocs.UNAVAILABLE)
                .forEach(c -> errors.computeIfAbsent(c.example().status(), s -> new ArrayList<>()).add(c));
        errors.forEach((status, cases) -> responses.addAPIResponse(String.valueOf(status), problem(cases)));
        op.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BEARER));
    }

    private static void describe(Parameter p) {
        switch (p.getName()) {
            case "id" -> p.description(OpenApiDocs.ID).example(1).schema(OASFactory.createSchema()
                    .type(List.of(SchemaType.INTEGER)).format("int64").minimum(java.math.BigDecimal.ONE));
            case "If-Match" -> p.description(OpenApiDocs.IF_MATCH);
            case "force" -> p.description(OpenApiDocs.FORCE).getSchema().defaultValue(false);
            default -> { }
        }
    }

    private static void success(APIResponses responses, Kind kind, String model) {
        Schema row = OASFactory.createSchema().ref(model);
        switch (kind) {
            case LIST, ASSOCIATION -> responses.addAPIResponse("200", json("The page of rows, in order",
                    OASFactory.createSchema().type(List.of(SchemaType.ARRAY)).items(row))
                    .addHeader("X-Total-Count", header("Rows matching `where`, ignoring `limit` and `offset`",
                            SchemaType.INTEGER))
                    .addHeader("Link", header("RFC 8288 links to the `first`, `prev` and `next` pages, e.g. "
                            + "`</doctors?offset=0&limit=50>; rel=\"first\"`", SchemaType.STRING)));
            case CREATE -> responses.addAPIResponse("201", json("Created: the row as stored", row)
                    .addHeader("Location", header("URL of the new row", SchemaType.STRING))
                    .addHeader("ETag", etag()));
            case COUNT -> responses.addAPIResponse("200", json("`{\"count\": n}`; with `group`, one object per "
                    + "group: the grouped fields and `count`", OpenApiParameters.counts()));
            case DESTROY -> responses.addAPIResponse("204", OASFactory.createAPIResponse()
                    .description("Deleted: soft unless `force=true`"));
            case READ -> responses.addAPIResponse("200", json("The row", row).addHeader("ETag", header("`\"<version>\"` "
                    + "for the row alone; with `include`, a weak `W/\"…\"` digest of the body, which changes when an "
                    + "included row does (send the row's `\"<version>\"` as `If-Match`)", SchemaType.STRING)))
                    .addAPIResponse("304", OASFactory.createAPIResponse()
                            .description("Not modified: `If-None-Match` matched the `ETag`; no body")
                            .addHeader("ETag", etag()));
            default -> responses.addAPIResponse("200", json("The row", row).addHeader("ETag", etag()));
        }
    }

    private static List<OpenApiDocs.Case> errors(Kind kind, OpenApiModels owner) {
        List<OpenApiDocs.Case> cases = new ArrayList<>();
        if (kind != Kind.LIST && kind != Kind.CREATE && kind != Kind.COUNT) {
            cases.add(BAD_ID);
        }
        switch (kind) {
            case LIST, ASSOCIATION, READ, COUNT -> cases.addAll(List.of(BAD_QUERY, OpenApiConsistency.BAD_TOKEN));
            case CREATE, UPDATE -> {
                cases.addAll(List.of(MALFORMED, UNKNOWN_FIELD, OpenApiDocs.invalid(owner.invalid()),
                        OpenApiDocs.conflict(owner.conflict()), OpenApiDocs.PAYLOAD_TOO_LARGE));
                if (owner.references()) {
                    cases.add(OpenApiDocs.missingReference());
                }
                if (kind == Kind.CREATE && OpenApiNested.nests(owner)) {
                    cases.addAll(OpenApiNested.cases());
                }
            }
            case DESTROY -> {
                if (owner.referenced()) {
                    cases.add(OpenApiDocs.STILL_REFERENCED);
                }
            }
            case RESTORE -> cases.add(OpenApiDocs.conflict(owner.conflict()));
        }
        if (kind != Kind.LIST && kind != Kind.CREATE && kind != Kind.COUNT) {
            cases.add(OpenApiDocs.notFound(owner.schema()));
        }
        if (kind == Kind.UPDATE || kind == Kind.DESTROY || kind == Kind.RESTORE) {
            cases.add(OpenApiDocs.STALE);
        }
        if (kind == Kind.UPDATE) {
            cases.add(OpenApiDocs.PRECONDITION);
        }
        cases.add(OpenApiDocs.UNAUTHENTICATED);
        cases.add(OpenApiDocs.FORBIDDEN);
        cases.add(OpenApiDocs.UNAVAILABLE);
        return cases;
    }

    private static APIResponse problem(List<OpenApiDocs.Case> cases) {
        MediaType media = OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"));
        StringBuilder description = new StringBuilder();
        for (OpenApiDocs.Case c : cases) {
            description.append(description.length() == 0 ? "" : "; ").append(c.when()).append(" (`")
                    .append(c.example().code()).append("`)");
            media.addExample(c.name(), OASFactory.createExample().summary(c.when()).value(json(c.example())));
        }
        return OASFactory.createAPIResponse().description(description.toString())
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media));
    }

    private static APIResponse json(String description, Schema schema) {
        Content content = OASFactory.createContent()
                .addMediaType("application/json", OASFactory.createMediaType().schema(schema));
        return OASFactory.createAPIResponse().description(description).content(content);
    }

    private static Header header(String description, SchemaType type) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().type(List.of(type)));
    }

    private static Header etag() {
        return header("`\"<version>\"`: send it as `If-Match` to update only this version", SchemaType.STRING);
    }

    /** A problem as the JSON it is sent as, for an example. */
    private static Map<String, Object> json(Problem p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", p.type());
        json.put("title", p.title());
        json.put("status", p.status());
        json.put("detail", p.detail());
        json.put("code", p.code());
        if (p.errors() != null) {
            json.put("errors", p.errors().stream()
                    .map(e -> new TreeMap<>(Map.of("field", e.field(), "message", e.message()))).toList());
        }
        return json;
    }
}
