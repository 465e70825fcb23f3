package clinic.web;

import clinic.model.Association;
import clinic.model.Include;
import clinic.model.Model;
import clinic.model.ModelInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hibernate.Hibernate;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Writes rows as JSON the way Sequelize does: the model's attributes, then each included association. */
final class Rows {

    private final ObjectMapper mapper;

    Rows(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ArrayNode render(List<? extends Model> rows, List<Include> includes, Set<String> attributes) {
        ArrayNode array = mapper.createArrayNode();
        rows.forEach(r -> array.add(render(r, includes, attributes)));
        return array;
    }

    ObjectNode render(Model row, List<Include> includes, Set<String> attributes) {
        ObjectNode node = mapper.valueToTree(row);
        if (!attributes.isEmpty()) {
            node.retain(withId(attributes));
        }
        ModelInfo model = ModelInfo.of(row.getClass());
        for (Include inc : includes) {
            Association a = model.association(inc.association);
            node.set(inc.association, a.toMany()
                    ? render(rowsOf(row.included(inc.association)), inc.include, Set.of())
                    : one(belongsTo(row, a), inc.include));
        }
        return node;
    }

    private JsonNode one(Model target, List<Include> includes) {
        return target == null ? mapper.nullNode() : render(target, includes, Set.of());
    }

    private static Model belongsTo(Model row, Association a) {
        Object target = ModelInfo.read(row, a.name());
        return target == null ? null : (Model) Hibernate.unproxy(target);
    }

    @SuppressWarnings("unchecked")
    private static List<Model> rowsOf(Object included) {
        return included == null ? List.of() : List.copyOf((Collection<Model>) included);
    }

    /** Sparse fieldsets always keep the id. */
    private static Set<String> withId(Set<String> attributes) {
        Set<String> keep = new LinkedHashSet<>();
        keep.add("id");
        keep.addAll(attributes);
        return keep;
    }
}
