package clinic.web.openapi;

import clinic.web.query.QueryString;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.math.BigDecimal;
import java.util.List;

/**
 * The list query parameters as OpenAPI parameters. They document what {@link QueryString} parses from the raw
 * query string; the resources take {@code UriInfo}, so this is the only place they are declared.
 */
final class OpenApiParameters {

    private OpenApiParameters() {
    }

    /**
     * A deepObject whose keys Swagger UI sends as {@code where[key]=value}. Nullable, because Swagger UI refuses to
     * send a request whose field for a plain object is emptied, and sends nothing for a nullable one.
     */
    static Parameter where(OpenApiModels model, List<String> fields) {
        Parameter where = query("where", String.format(OpenApiDocs.WHERE, model.schema(), codes(fields),
                QueryString.MAX_CONDITIONS, QueryString.MAX_LENGTH / 1024))
                .style(Parameter.Style.DEEPOBJECT).explode(true)
                .schema(OASFactory.createSchema().type(List.of(SchemaType.OBJECT, SchemaType.NULL))
                        .additionalPropertiesSchema(type(SchemaType.STRING)));
        model.where().forEach((query, value) ->
                where.addExample(query, OASFactory.createExample().summary(query).value(value)));
        return where;
    }

    static Parameter include(OpenApiModels model) {
        String names = String.join(",", model.associations());
        return query("include", String.format(OpenApiDocs.INCLUDE, QueryString.MAX_INCLUDE_DEPTH, model.schema(),
                codes(model.associations()), names)).schema(type(SchemaType.STRING));
    }

    static Parameter order(OpenApiModels model, List<String> fields) {
        return query("order", String.format(OpenApiDocs.ORDER, fields.get(1) + ":desc,id"))
                .schema(type(SchemaType.STRING));
    }

    static Parameter limit() {
        return query("limit", String.format(OpenApiDocs.LIMIT, QueryString.MAX_LIMIT))
                .schema(type(SchemaType.INTEGER).format("int32").minimum(BigDecimal.ONE)
                        .maximum(BigDecimal.valueOf(QueryString.MAX_LIMIT)).defaultValue(QueryString.DEFAULT_LIMIT));
    }

    static Parameter offset() {
        return query("offset", OpenApiDocs.OFFSET).schema(type(SchemaType.INTEGER).format("int32")
                .minimum(BigDecimal.ZERO).defaultValue(0));
    }

    static Parameter attributes(OpenApiModels model, List<String> fields) {
        return query("attributes", String.format(OpenApiDocs.ATTRIBUTES, fields.get(1), model.schema(),
                codes(fields))).schema(type(SchemaType.STRING));
    }

    static Parameter group() {
        return query("group", OpenApiDocs.GROUP).schema(type(SchemaType.STRING)).example("status");
    }

    /** A count's answer: one total, or one object per group (the grouped fields, then {@code count}). */
    static Schema counts() {
        Schema count = type(SchemaType.INTEGER).format("int64").minimum(BigDecimal.ZERO);
        Schema total = type(SchemaType.OBJECT).addProperty("count", count).required(List.of("count"));
        Schema group = type(SchemaType.OBJECT).addProperty("count", count).required(List.of("count"))
                .additionalPropertiesSchema(OASFactory.createSchema());
        return OASFactory.createSchema().oneOf(List.of(total.examples(List.of(java.util.Map.of("count", 12)))
                        .additionalPropertiesBoolean(false),
                type(SchemaType.ARRAY).items(group).examples(List.of(List.of(java.util.Map.of("status", "booked",
                        "count", 12), java.util.Map.of("status", "cancelled", "count", 3))))));
    }

    static Parameter paranoid() {
        return query("paranoid", OpenApiDocs.PARANOID).schema(type(SchemaType.BOOLEAN).defaultValue(true));
    }

    static Parameter ifNoneMatch() {
        return OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER)
                .description(OpenApiDocs.IF_NONE_MATCH).schema(type(SchemaType.STRING));
    }

    private static Parameter query(String name, String description) {
        return OASFactory.createParameter().name(name).in(Parameter.In.QUERY).description(description);
    }

    private static Schema type(SchemaType type) {
        return OASFactory.createSchema().type(List.of(type));
    }

    private static String codes(List<String> names) {
        return "`" + String.join("`, `", names) + "`";
    }
}
