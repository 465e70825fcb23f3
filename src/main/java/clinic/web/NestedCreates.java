package clinic.web;

import clinic.audit.AuditTrail;
import clinic.model.Association;
import clinic.model.FindOptions;
import clinic.model.Finder;
import clinic.model.Model;
import clinic.model.ModelInfo;
import clinic.model.NestedCreate;
import clinic.security.Guard;
import clinic.web.json.Bodies;
import clinic.web.json.NestedBodies;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sequelize's {@code Model.create(body, {include: ['appointments']})} over HTTP: a POST whose body holds an array of
 * new rows of a hasMany creates the row and them in one transaction, each under the rules, access checks and audit of
 * a create of its own; one refused and nothing is created.
 */
@ApplicationScoped
public class NestedCreates {

    private final Crud crud;
    private final ObjectMapper mapper;
    private final Guard guard;
    private final AuditTrail trail;

    public NestedCreates(Crud crud, ObjectMapper mapper, Guard guard, AuditTrail trail) {
        this.crud = crud;
        this.mapper = mapper;
        this.guard = guard;
        this.trail = trail;
    }

    /** A create whose body may hold {@code association}'s new rows; without them, a plain create. */
    @Transactional
    public <T extends Model, C extends Model> Response create(Class<T> type, ObjectNode body, UriInfo uri,
                                                              Consumer<T> rules, String association,
                                                              Consumer<C> childRules) {
        ObjectNode own = body == null ? null : body.deepCopy();
        List<ObjectNode> items = NestedBodies.take(own, association);
        if (items == null) {
            return crud.create(type, body, uri, rules);
        }
        Association a = ModelInfo.of(type).association(association);
        @SuppressWarnings("unchecked")
        Class<C> childType = (Class<C>) a.target();
        guard.mayCreate(type);
        guard.mayCreate(childType);
        T row = Bodies.create(mapper, own, type);
        List<C> children = NestedBodies.bind(mapper, items, childType, association, a.foreignKey());
        trail.touch(row);
        guard.create(row);
        Crud.save(row, rules);
        try {
            NestedCreate.of(type).createAssociated(row, association, children, child -> {
                trail.touch(child);
                guard.create(child);
                child.validate();
                childRules.accept(child);
            });
        } catch (NestedCreate.NestedException e) {
            throw NestedBodies.problem(e);
        }
        trail.wrote(row, Map.of(), ModelInfo.of(type).values(row), 201);
        children.forEach(child -> trail.wrote(child, Map.of(), ModelInfo.of(childType).values(child), 201));
        FindOptions shown = FindOptions.of(FindOptions.include(association));
        T created = Finder.of(type).findByPk(row.id, o -> o.include.addAll(shown.include)).orElseThrow();
        return crud.ok(created, shown.include).status(Response.Status.CREATED)
                .location(uri.getAbsolutePathBuilder().path(String.valueOf(row.id)).build()).build();
    }
}
