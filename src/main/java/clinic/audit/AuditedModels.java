package clinic.audit;

import clinic.security.AccessPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.Table;

import java.util.HashMap;
import java.util.Map;

/**
 * The models whose requests are audited: every model with an access policy, by its resource path, which is its
 * table's name in kebab case ({@code /audit-events} for audit_events), so a model made by model:generate is too.
 */
@ApplicationScoped
public class AuditedModels {

    private final Map<String, String> byPath = new HashMap<>();

    public AuditedModels(Instance<AccessPolicy> policies) {
        policies.forEach(p -> byPath.put(p.model().getAnnotation(Table.class).name().replace('_', '-'),
                p.model().getSimpleName()));
    }

    /** The model a path's first segment names ({@code doctors} → Doctor), or null. */
    String model(String segment) {
        return byPath.get(segment);
    }

    /** Whether requests to this path are audited: the models, the trail, and the patients' access logs. */
    boolean audited(String path) {
        int end = path.indexOf('/', 1);
        return byPath.containsKey(path.substring(1, end < 0 ? path.length() : end));
    }
}
