package clinic.model;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Sequelize's bulk class methods: {@code update}, {@code destroy}, {@code restore}, {@code findOrCreate}. */
public final class ModelWrites<T extends Model> {

    /** What {@code findOrCreate} returns: the row, and whether this call created it. */
    public record Created<T>(T row, boolean created) {
    }

    private final Class<T> type;
    private final ModelInfo model;

    private ModelWrites(Class<T> type) {
        this.type = type;
        this.model = ModelInfo.of(type);
    }

    public static <T extends Model> ModelWrites<T> of(Class<T> type) {
        return new ModelWrites<>(type);
    }

    /**
     * Sequelize's {@code bulkCreate}: runs each row's beforeValidate and validation first, then inserts them
     * in JDBC batches (ids come from the pooled sequence, so no round trip per row).
     */
    public List<T> bulkCreate(List<T> rows) {
        Validator validator = Arc.container().instance(Validator.class).get();
        for (T row : rows) {
            row.beforeValidate();
            var violations = validator.validate(row);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
        }
        EntityManager em = Panache.getEntityManager(type);
        rows.forEach(em::persist);
        em.flush();
        return rows;
    }

    /** Sets the values on every matching row (not deleted); bumps version and updatedAt; returns the count. */
    public int update(Map<String, Object> values, Where where) {
        Hql hql = new Hql();
        StringBuilder set = new StringBuilder("m.version = m.version + 1, m.updatedAt = ")
                .append(hql.param(Instant.now()));
        values.forEach((field, value) -> set.append(", m.").append(field).append(" = ")
                .append(hql.param(Values.convert(field, model.attribute(field), value))));
        return execute(hql, "update " + model.name + " m set " + set + " where "
                + hql.condition(model, "m", where) + " and m.deletedAt is null");
    }

    /** Soft-deletes matching rows, or deletes them for real with {@code force}; returns the count. */
    public int destroy(Where where, boolean force) {
        Hql hql = new Hql();
        String cond = hql.condition(model, "m", where);
        return force
                ? execute(hql, "delete from " + model.name + " m where " + cond)
                : execute(hql, "update " + model.name + " m set m.deletedAt = " + hql.param(Instant.now())
                        + ", m.version = m.version + 1 where " + cond + " and m.deletedAt is null");
    }

    /** Undoes soft deletes of matching rows; returns the count. */
    public int restore(Where where) {
        Hql hql = new Hql();
        return execute(hql, "update " + model.name + " m set m.deletedAt = null, m.version = m.version + 1"
                + " where " + hql.condition(model, "m", where) + " and m.deletedAt is not null");
    }

    /**
     * Finds the row matching {@code where} or creates it from {@code defaults} plus where's equalities. The
     * insert runs in its own transaction: if a concurrent caller wins the race, its row is returned.
     */
    public Created<T> findOrCreate(Where where, Supplier<T> defaults) {
        Finder<T> finder = Finder.of(type);
        var found = finder.findOne(where);
        if (found.isPresent()) {
            return new Created<>(found.get(), false);
        }
        try {
            Long id = QuarkusTransaction.requiringNew().call(() -> {
                T row = defaults.get();
                for (Where.Node node : where.nodes()) {
                    if (node instanceof Where.Condition c && c.operand().op() == Op.eq) {
                        Object value = Values.convert(c.field(), model.attribute(c.field()), c.operand().value());
                        model.write(row, c.field(), value);
                    }
                }
                row.save();
                return row.id;
            });
            return new Created<>(finder.findByPk(id).orElseThrow(), true);
        } catch (PersistenceException race) {
            return new Created<>(finder.findOne(where).orElseThrow(() -> race), false);
        }
    }

    private int execute(Hql hql, String statement) {
        EntityManager em = Panache.getEntityManager(type);
        Query query = em.createQuery(statement);
        hql.params.forEach(query::setParameter);
        return query.executeUpdate();
    }
}
