package clinic.web.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PATCH changes only the fields given, so its body is the model's schema with nothing required ({@code DoctorPatch},
 * …); the model's own schema, whose required fields POST and PUT need, would make every partial example invalid.
 */
final class OpenApiPatches {

    private OpenApiPatches() {
    }

    static void add(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        api.getPaths().getPathItems().forEach((path, item) -> {
            String[] segments = path.substring(1).split("/");
            if (item.getPATCH() == null || item.getPATCH().getRequestBody() == null
                    || !OpenApiModels.documents(segments[0])) {
                return;
            }
            String model = OpenApiModels.byPath(segments[0]).schema();
            String name = model + "Patch";
            if (!schemas.containsKey(name)) {
                api.getComponents().addSchema(name, partial(schemas.get(model), model));
            }
            MediaType json = item.getPATCH().getRequestBody().getContent().getMediaType("application/json");
            json.setSchema(OASFactory.createSchema().ref(name));
        });
    }

    private static Schema partial(Schema whole, String model) {
        return OASFactory.createSchema().type(whole.getType()).properties(new LinkedHashMap<>(whole.getProperties()))
                .description("The " + model + " fields to change, any of them; the others keep their values. "
                        + "Read-only fields cannot be written.");
    }
}
