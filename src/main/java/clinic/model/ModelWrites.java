package clinic.model;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sequelize's bulk class methods: {@code update}, {@code destroy}, {@code restore}, {@code findOrCreate}. Each goes
 * through the rows one by one (locked, validated, hooks fired), so a bulk write keeps every rule an instance write
 * keeps: derived columns, {@code updatedAt}, {@code version}; Hibernate batches the statements.
 */
public final class ModelWrites<T extends Model> {

    /** What {@code findOrCreate} returns: the row, and whether this call created it. */
    public record Created<T>(T row, boolean created) {
    }

    /** Kept by the database layer or derived: a bulk update may not set them. */
    private static final Set<String> NOT_WRITABLE = Set.of("id", "createdAt", "updatedAt", "deletedAt", "version");

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
        Hooks.runAdded(type, Hook.beforeBulkCreate, new Hooks.Bulk(null, null, null));
        rows.forEach(Model::validate);
        EntityManager em = Panache.getEntityManager(type);
        rows.forEach(em::persist);
        em.flush();
        Hooks.runAdded(type, Hook.afterBulkCreate, new Hooks.Bulk(null, null, rows.size()));
        return rows;
    }

    /** Sequelize's {@code Model.create(values, {include: [...]})}: see {@link NestedCreate}. */
    public T create(Map<String, ?> values, String... include) {
        return NestedCreate.of(type).create(values, include);
    }

    /** Sets the values on every matching row not deleted, under the model's rules; returns the count. */
    public int update(Map<String, Object> values, Where where) {
        values.keySet().forEach(field -> {
            if (NOT_WRITABLE.contains(field) || model.derived(field)) {
                throw new QueryException(field, field + " is not writable");
            }
        });
        return each(Hook.beforeBulkUpdate, Hook.afterBulkUpdate, where, values, true, row -> {
            values.forEach((field, value) -> model.write(row, field, Values.convert(field, model.attribute(field),
                    value)));
            row.save();
        });
    }

    /** Soft-deletes matching rows, or deletes them for real with {@code force}; returns the count. */
    public int destroy(Where where, boolean force) {
        return each(Hook.beforeBulkDestroy, Hook.afterBulkDestroy, where, Map.of(), !force, row -> row.destroy(force));
    }

    /** Undoes soft deletes of matching rows; returns the count. */
    public int restore(Where where) {
        requireWhere(where);
        return each(Hook.beforeBulkRestore, Hook.afterBulkRestore, Where.where().and(where).and("deletedAt",
                Where.not(null)), Map.of(), false, Model::restore);
    }

    /**
     * Finds the row matching {@code where} or creates it from {@code defaults} plus where's equalities, in the
     * caller's transaction (or one of its own). Callers of the same where queue on a transaction-scoped advisory lock,
     * so the second finds the first one's row once it commits, and a rolled-back first leaves the second to create.
     */
    public Created<T> findOrCreate(Where where, Supplier<T> defaults) {
        if (!QuarkusTransaction.isActive()) {
            return QuarkusTransaction.requiringNew().call(() -> findOrCreate(where, defaults));
        }
        Finder<T> finder = Finder.of(type);
        var found = finder.findOne(where);
        if (found.isPresent()) {
            return new Created<>(found.get(), false);
        }
        // hand-written: the lock a unique index cannot give without failing, and so rolling back, the caller
        Panache.getEntityManager(type).createNativeQuery("SELECT CAST(pg_advisory_xact_lock(hashtext(:key)) AS text)")
                .setParameter("key", model.name + ":" + equalities(where)).getSingleResult();
        found = finder.findOne(where);
        if (found.isPresent()) {
            return new Created<>(found.get(), false);
        }
        T row = defaults.get();
        equalities(where).forEach((field, value) -> model.write(row, field, value));
        row.save();
        return new Created<>(row, true);
    }

    /** The where's {@code field = value} conditions, converted and in field order: what a created row takes. */
    private Map<String, Object> equalities(Where where) {
        Map<String, Object> values = new java.util.TreeMap<>();
        for (Where.Node node : where.nodes()) {
            if (node instanceof Where.Condition c && c.operand().op() == Op.eq) {
                values.put(c.field(), Values.convert(c.field(), model.attribute(c.field()), c.operand().value()));
            }
        }
        return values;
    }

    /** Runs a write on each matching row, locked, refusing an empty where (Sequelize's rule: say {@code Where.all()}). */
    private int each(Hook before, Hook after, Where where, Map<String, Object> values, boolean paranoid,
                     Consumer<T> write) {
        requireWhere(where);
        Hooks.runAdded(type, before, new Hooks.Bulk(where, values, null));
        List<T> rows = Finder.of(type).findAll(where, FindOptions.paranoid(paranoid), FindOptions.lock());
        rows.forEach(write);
        Hooks.runAdded(type, after, new Hooks.Bulk(where, values, rows.size()));
        return rows.size();
    }

    private static void requireWhere(Where where) {
        if (where.unrestricted()) {
            throw new QueryException("where", "a bulk write needs a where; Where.all() for every row");
        }
    }
}
