package clinic.web;

import clinic.audit.AuditTrail;
import clinic.model.FindOptions;
import clinic.model.Finder;
import clinic.model.Model;
import clinic.model.ModelInfo;
import clinic.web.problem.ProblemException;
import clinic.web.query.IncludeParameters;
import clinic.web.query.QueryString;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sequelize's {@code Model.count({where, include, group})} over HTTP ({@code GET /appointments/count}): the rows the
 * caller may see that match, as {@code {"count": n}}, or per group as {@code [{"status": "booked", "count": 12}, …]}.
 */
@ApplicationScoped
public class Counts {

    /** What a count takes: the filters of a list, not its page, order or attributes. */
    static final List<String> PARAMETERS = List.of("where[…]", "include", "include[i][…]", "paranoid", "scope",
            "group");

    private final Crud crud;
    private final AuditTrail trail;

    public Counts(Crud crud, AuditTrail trail) {
        this.crud = crud;
        this.trail = trail;
    }

    /** {@code groupable}: the attributes {@code group} may name, for this model. */
    public <T extends Model> Response count(Class<T> type, UriInfo uri, List<String> groupable) {
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>(uri.getQueryParameters());
        List<String> group = group(params.remove("group"), groupable);
        for (String key : params.keySet()) {
            if (!key.startsWith("where[") && !IncludeParameters.accepts(key) && !PARAMETERS.contains(key)) {
                throw ProblemException.badRequest(key, "unknown query parameter '" + key + "' for a count; allowed: "
                        + String.join(", ", PARAMETERS));
            }
        }
        FindOptions parsed = QueryString.parse(ModelInfo.of(type), params, uri.getRequestUri().getRawQuery());
        crud.read(type, parsed);
        FindOptions.Option options = o -> {
            o.where.and(parsed.where);
            o.include.addAll(parsed.include);
            o.scope.addAll(parsed.scope);
            o.paranoid = parsed.paranoid;
        };
        if (group.isEmpty()) {
            return Response.ok(Map.of("count", Finder.of(type).count(options))).build();
        }
        List<Map<String, Object>> rows = Finder.of(type).countBy(group, options);
        trail.counted(type, rows);
        return Response.ok(rows).build();
    }

    private static List<String> group(List<String> values, List<String> groupable) {
        List<String> group = new ArrayList<>();
        if (values == null) {
            return group;
        }
        if (values.size() != 1) {
            throw ProblemException.badRequest("group", "'group' is given more than once");
        }
        for (String field : values.get(0).split(",")) {
            if (!groupable.contains(field.trim()) || group.contains(field.trim())) {
                throw ProblemException.badRequest("group", "cannot group by '" + field.trim() + "'; allowed: "
                        + String.join(", ", groupable) + ", each once");
            }
            group.add(field.trim());
        }
        return group;
    }
}
