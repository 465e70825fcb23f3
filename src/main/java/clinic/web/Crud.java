package clinic.web;

import clinic.audit.AuditTrail;
import clinic.model.Association;
import clinic.model.FindOptions;
import clinic.model.Finder;
import clinic.model.Include;
import clinic.model.Model;
import clinic.model.ModelInfo;
import clinic.model.Result;
import clinic.model.Where;
import clinic.security.Guard;
import clinic.web.json.Bodies;
import clinic.web.problem.ProblemException;
import clinic.web.query.Links;
import clinic.web.query.QueryString;
import clinic.web.query.Rows;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** The CRUD every resource shares, over the models' Sequelize API; resources add paths, docs and rules. */
@ApplicationScoped
public class Crud {

    private final ObjectMapper mapper;
    private final Guard guard;
    private final AuditTrail trail;
    private final Rows rows;
    private final RoutingContext routing;

    public Crud(ObjectMapper mapper, Guard guard, AuditTrail trail, RoutingContext routing) {
        this.mapper = mapper;
        this.routing = routing;
        this.guard = guard;
        this.trail = trail;
        this.rows = new Rows(mapper);
    }

    /** {@code findAndCountAll} with the query string's options, within an optional scope. */
    public <T extends Model> Response list(Class<T> type, UriInfo uri, Where scope) {
        FindOptions options = QueryString.parse(ModelInfo.of(type), uri.getQueryParameters(),
                uri.getRequestUri().getRawQuery());
        read(type, options);
        if (scope != null) {
            options.where.and(scope);
        }
        Result<T> result = Finder.of(type).findAndCountAll(options);
        trail.read(result.rows(), options.include);
        return paged(Response.ok(rows.render(result.rows(), options.include)), uri, options,
                result.count());
    }

    /**
     * A page of rows within a scope, in an order, shown through a view: for reads that show less than the rows hold
     * (the query string may only page them).
     */
    public <T extends Model> Response page(Class<T> type, UriInfo uri, FindOptions.Option scope,
                                           FindOptions.Option order, Function<T, ?> view) {
        FindOptions options = QueryString.parse(ModelInfo.of(type), uri.getQueryParameters(),
                uri.getRequestUri().getRawQuery());
        scope.applyTo(options);
        order.applyTo(options);
        read(type, options);
        Result<T> result = Finder.of(type).findAndCountAll(options);
        return paged(Response.ok(result.rows().stream().map(view).toList()), uri, options, result.count());
    }

    /** The owner of an association-like read, found as the caller may see it (404 otherwise). */
    public <T extends Model> T owner(Class<T> type, String id) {
        guard.read(type, true);
        T owner = find(type, id, FindOptions.paranoid(false));
        trail.touch(owner);
        return owner;
    }

    /** The caller may read the model, and soft-deleted rows only where they manage it: at the top and in every include. */
    void read(Class<? extends Model> type, FindOptions options) {
        guard.read(type, options.paranoid);
        readIncludes(ModelInfo.of(type), options.include);
    }

    private void readIncludes(ModelInfo model, List<Include> includes) {
        for (Include inc : includes) {
            ModelInfo target = ModelInfo.of(model.association(inc.association).target());
            if (Boolean.FALSE.equals(inc.paranoid)) {
                guard.read(target.type, false);
            }
            readIncludes(target, inc.include);
        }
    }

    private static Response paged(Response.ResponseBuilder page, UriInfo uri, FindOptions options, long count) {
        return page.header("X-Total-Count", count).header("Link", Links.of(uri, options, count)).build();
    }

    /** An association read: 404 when the owner is missing, else the target's list within the owner. */
    public <T extends Model> Response listAssociated(Class<T> ownerType, String id, String association,
                                                     UriInfo uri) {
        guard.read(ownerType, true);
        T owner = find(ownerType, id, FindOptions.paranoid(true));
        trail.touch(owner);
        Association a = ModelInfo.of(ownerType).association(association);
        return list(a.target(), uri, Where.associatedWith(a, owner.id));
    }

    public <T extends Model> Response get(Class<T> type, String id, UriInfo uri) {
        FindOptions options = QueryString.parseForRow(ModelInfo.of(type), uri.getQueryParameters(),
                uri.getRequestUri().getRawQuery());
        read(type, options);
        T row = Finder.of(type).findByPk(Ids.parse(id), o -> {
            o.include.addAll(options.include);
            o.attributes.addAll(options.attributes);
            o.paranoid = options.paranoid;
        }).orElseThrow(() -> ProblemException.notFound(type.getSimpleName(), id));
        trail.read(List.of(row), options.include);
        return ok(row, options.include).build();
    }

    @Transactional
    public <T extends Model> Response create(Class<T> type, ObjectNode body, UriInfo uri, Consumer<T> rules) {
        guard.mayCreate(type);
        T row = Bodies.create(mapper, body, type);
        trail.touch(row);
        guard.create(row);
        save(row, rules);
        trail.wrote(row, Map.of(), ModelInfo.of(type).values(row), 201);
        return ok(row, List.of()).status(Response.Status.CREATED)
                .location(uri.getAbsolutePathBuilder().path(String.valueOf(row.id)).build()).build();
    }

    @Transactional
    public <T extends Model> Response update(Class<T> type, String id, ObjectNode body, String ifMatch,
                                             boolean replace, Consumer<T> rules) {
        // Locked, so concurrent writers queue: each sees the version the one before it wrote (412, not a lost update).
        guard.mayUpdate(type);
        T row = find(type, id, FindOptions.lock());
        preconditions(ifMatch, row);
        Map<String, Object> before = ModelInfo.of(type).values(row);
        trail.touch(row);
        if (replace) {
            Bodies.replace(mapper, row, body, type);
        } else {
            Bodies.patch(mapper, row, body);
        }
        guard.update(row, before);
        save(row, rules);
        trail.wrote(row, before, ModelInfo.of(type).values(row), 200);
        return ok(row, List.of()).build();
    }

    @Transactional
    public <T extends Model> Response destroy(Class<T> type, String id, boolean force, String ifMatch) {
        guard.delete(type, force);
        // locked, so concurrent deletes queue: the first deletes, the others find it gone (404), never a 409
        T row = find(type, id, FindOptions.paranoid(!force), FindOptions.lock());
        preconditions(ifMatch, row);
        Map<String, Object> before = ModelInfo.of(type).values(row);
        trail.touch(row);
        row.destroy(force);
        trail.wrote(row, before, force ? Map.of() : ModelInfo.of(type).values(row), 204);
        return Response.noContent().build();
    }

    @Transactional
    public <T extends Model> Response restore(Class<T> type, String id, String ifMatch) {
        return restore(type, id, ifMatch, row -> { });
    }

    /** A restore under the model's rules for rows coming back ({@code rules} see the row still deleted). */
    @Transactional
    public <T extends Model> Response restore(Class<T> type, String id, String ifMatch, Consumer<T> rules) {
        guard.restore(type);
        T row = find(type, id, FindOptions.paranoid(false), FindOptions.lock());
        preconditions(ifMatch, row);
        Map<String, Object> before = ModelInfo.of(type).values(row);
        trail.touch(row);
        if (row.deletedAt != null) {
            rules.accept(row);
            row.restore();
        }
        trail.wrote(row, before, ModelInfo.of(type).values(row), 200);
        return ok(row, List.of()).build();
    }

    /** The resource binds If-Match; If-None-Match is read here, where every unsafe method on a row passes. */
    private void preconditions(String ifMatch, Model row) {
        Preconditions.check(ifMatch, routing.request().getHeader("If-None-Match"), row.version);
    }

    private <T extends Model> T find(Class<T> type, String id, FindOptions.Option... options) {
        return Finder.of(type).findByPk(Ids.parse(id), options)
                .orElseThrow(() -> ProblemException.notFound(type.getSimpleName(), id));
    }

    /** The model's rules first (the rules that need the database want valid values), then those, then the write. */
    static <T extends Model> void save(T row, Consumer<T> rules) {
        row.validate();
        rules.accept(row);
        row.save();
    }

    /**
     * A row alone answers its version as its strong ETag, the tag {@code If-Match} takes back; a row with includes a
     * weak digest of its body, since the row's version does not change when an included row does.
     */
    Response.ResponseBuilder ok(Model row, List<Include> includes) {
        if (includes.isEmpty()) {
            return Response.ok(rows.render(row, includes)).tag(new EntityTag(String.valueOf(row.version)));
        }
        ConditionalGets.Tagged body = ConditionalGets.digested(mapper, rows.render(row, includes));
        return Response.ok(body.json()).tag(body.tag());
    }
}
