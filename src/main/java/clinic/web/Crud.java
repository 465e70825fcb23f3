package clinic.web;

import clinic.model.Association;
import clinic.model.FindOptions;
import clinic.model.Finder;
import clinic.model.Include;
import clinic.model.Model;
import clinic.model.ModelInfo;
import clinic.model.Result;
import clinic.model.Where;
import clinic.security.Guard;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The CRUD every resource shares, over the models' Sequelize API; resources add paths, docs and rules. */
@ApplicationScoped
public class Crud {

    private final ObjectMapper mapper;
    private final Validator validator;
    private final Guard guard;
    private final Rows rows;

    public Crud(ObjectMapper mapper, Validator validator, Guard guard) {
        this.mapper = mapper;
        this.validator = validator;
        this.guard = guard;
        this.rows = new Rows(mapper);
    }

    /** {@code findAndCountAll} with the query string's options, within an optional scope. */
    public <T extends Model> Response list(Class<T> type, UriInfo uri, Where scope) {
        FindOptions options = QueryString.parse(ModelInfo.of(type), uri.getQueryParameters(),
                uri.getRequestUri().getRawQuery());
        guard.read(type, options.paranoid);
        if (scope != null) {
            options.where.and(scope);
        }
        Result<T> result = Finder.of(type).findAndCountAll(options);
        return Response.ok(rows.render(result.rows(), options.include, options.attributes))
                .header("X-Total-Count", result.count())
                .header("Link", Links.of(uri, options, result.count()))
                .build();
    }

    /** An association read: 404 when the owner is missing, else the target's list within the owner. */
    public <T extends Model> Response listAssociated(Class<T> ownerType, String id, String association,
                                                     UriInfo uri) {
        guard.read(ownerType, true);
        T owner = find(ownerType, id, FindOptions.paranoid(true));
        Association a = ModelInfo.of(ownerType).association(association);
        return list(a.target(), uri, Where.associatedWith(a, owner.id));
    }

    public <T extends Model> Response get(Class<T> type, String id, UriInfo uri) {
        FindOptions options = QueryString.parseForRow(ModelInfo.of(type), uri.getQueryParameters(),
                uri.getRequestUri().getRawQuery());
        guard.read(type, options.paranoid);
        T row = Finder.of(type).findByPk(Ids.parse(id), o -> {
            o.include.addAll(options.include);
            o.paranoid = options.paranoid;
        }).orElseThrow(() -> ProblemException.notFound(type.getSimpleName(), id));
        return ok(row, options.include, options.attributes).build();
    }

    @Transactional
    public <T extends Model> Response create(Class<T> type, ObjectNode body, UriInfo uri, Consumer<T> rules) {
        guard.mayCreate(type);
        T row = Bodies.create(mapper, body, type);
        guard.create(row);
        save(row, rules);
        return ok(row, List.of(), Set.of()).status(Response.Status.CREATED)
                .location(uri.getAbsolutePathBuilder().path(String.valueOf(row.id)).build()).build();
    }

    @Transactional
    public <T extends Model> Response update(Class<T> type, String id, ObjectNode body, String ifMatch,
                                             boolean replace, Consumer<T> rules) {
        // Locked, so concurrent writers queue: each sees the version the one before it wrote (412, not a lost update).
        guard.mayUpdate(type);
        T row = find(type, id, FindOptions.lock());
        Preconditions.check(ifMatch, row.version);
        Map<String, Object> before = ModelInfo.of(type).values(row);
        if (replace) {
            Bodies.replace(mapper, row, body, type);
        } else {
            Bodies.patch(mapper, row, body);
        }
        guard.update(row, before);
        save(row, rules);
        return ok(row, List.of(), Set.of()).build();
    }

    @Transactional
    public <T extends Model> Response destroy(Class<T> type, String id, boolean force) {
        guard.delete(type, force);
        T row = find(type, id, FindOptions.paranoid(!force));
        row.destroy(force);
        return Response.noContent().build();
    }

    @Transactional
    public <T extends Model> Response restore(Class<T> type, String id) {
        guard.restore(type);
        T row = find(type, id, FindOptions.paranoid(false));
        if (row.deletedAt != null) {
            row.restore();
        }
        return ok(row, List.of(), Set.of()).build();
    }

    private <T extends Model> T find(Class<T> type, String id, FindOptions.Option option) {
        return Finder.of(type).findByPk(Ids.parse(id), option)
                .orElseThrow(() -> ProblemException.notFound(type.getSimpleName(), id));
    }

    /** beforeValidate, the model's rules, the rules that need the database, then the write itself. */
    private <T extends Model> void save(T row, Consumer<T> rules) {
        row.beforeValidate();
        var violations = validator.validate(row);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        rules.accept(row);
        row.save();
    }

    private Response.ResponseBuilder ok(Model row, List<Include> includes,
                                        Set<String> attributes) {
        return Response.ok(rows.render(row, includes, attributes)).tag(new EntityTag(String.valueOf(row.version)));
    }
}
