package clinic.model;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import org.hibernate.Locking;
import org.hibernate.Timeouts;
import org.hibernate.jpa.HibernateHints;
import org.hibernate.jpa.SpecHints;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The engine behind every model's Sequelize statics: turns find options into HQL over the model's
 * attributes (never columns), with every value bound. Rows come from one query; includes are loaded by
 * {@link Includes} without N+1.
 */
public final class Finder<T extends Model> {

    private final Class<T> type;
    private final ModelInfo model;
    /** The scopes every find of this finder starts from; null: the model's default scope, if it has one. */
    private final List<FindOptions.Option> scopes;

    private Finder(Class<T> type, List<FindOptions.Option> scopes) {
        this.type = type;
        this.model = ModelInfo.of(type);
        this.scopes = scopes;
    }

    public static <T extends Model> Finder<T> of(Class<T> type) {
        return new Finder<>(type, null);
    }

    /** Sequelize's {@code Model.scope("a", "b")}: those scopes instead of the default one. */
    public Finder<T> scope(String... names) {
        List<FindOptions.Option> named = new ArrayList<>();
        for (String name : names) {
            named.add(Scopes.named(type, name));
        }
        return new Finder<>(type, named);
    }

    /** {@code Model.scope({method: ["name", args]})}: one scope with its arguments. */
    public Finder<T> scope(String name, Object... args) {
        return new Finder<>(type, List.of(Scopes.named(type, name, args)));
    }

    /** Sequelize's {@code Model.unscoped()}: not even the default scope. */
    public Finder<T> unscoped() {
        return new Finder<>(type, List.of());
    }

    /** The finder's scopes applied once to these options, before anything else reads them. */
    private FindOptions scoped(FindOptions options) {
        if (!options.scoped) {
            options.scoped = true;
            List<FindOptions.Option> base = scopes;
            if (!options.scope.isEmpty()) {
                base = options.scope.stream().map(name -> Scopes.named(type, name)).toList();
            } else if (base == null) {
                FindOptions.Option fallback = Scopes.defaultOf(type);
                base = fallback == null ? List.of() : List.of(fallback);
            }
            base.forEach(o -> o.applyTo(options));
        }
        return options;
    }

    public Optional<T> findByPk(Object id, FindOptions.Option... options) {
        Object pk = Values.convert("id", Long.class, id);
        return findOne(FindOptions.of(options), Where.where("id", pk));
    }

    public Optional<T> findOne(FindOptions.Option... options) {
        return findOne(FindOptions.of(options));
    }

    private Optional<T> findOne(FindOptions options, FindOptions.Option... more) {
        for (FindOptions.Option o : more) {
            o.applyTo(options);
        }
        options.limit = 1;
        return findAll(options).stream().findFirst();
    }

    public List<T> findAll(FindOptions.Option... options) {
        return findAll(FindOptions.of(options));
    }

    @SuppressWarnings("unchecked")
    public List<T> findAll(FindOptions options) {
        if (options.useMaster && !UseMaster.active()) {
            return UseMaster.run(() -> findAll(options));
        }
        scoped(options);
        Hql hql = new Hql();
        Projection projection = Projection.of(model, options.attributes, options.exclude);
        StringBuilder q = new StringBuilder("select ").append(projection == null ? "m" : projection.select("m"))
                .append(" from ").append(model.name).append(" m")
                .append(Includes.joinFetches(model, "m", projection, options.include));
        q.append(" where ").append(filter(hql, options)).append(orderBy(options));
        if (options.limit != null) {
            // a literal, not bound: a generic plan for an unknown LIMIT never wins, so PostgreSQL planned every page
            q.append(" limit ").append(options.limit);
        }
        if (options.offset != null) {
            q.append(" offset ").append(hql.param(options.offset));
        }
        Query query = em().createQuery(q.toString());
        hql.params.forEach(query::setParameter);
        if (options.lock) {
            query.setLockMode(options.lockLevel == FindOptions.Lock.SHARE ? LockModeType.PESSIMISTIC_READ
                    : LockModeType.PESSIMISTIC_WRITE);
            // one statement, FOR UPDATE with its LIMIT: a follow-on lock would read first and lock rows it did not return
            query.setHint(HibernateHints.HINT_FOLLOW_ON_STRATEGY, Locking.FollowOn.DISALLOW);
            if (options.skipLocked) {
                query.setHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, Timeouts.SKIP_LOCKED_MILLI);
            }
        } else if (options.skipLocked) {
            throw new QueryException("skipLocked", "skipLocked() goes with lock(): only locking reads skip locked rows");
        }
        List<T> rows = projection == null ? query.getResultList() : projection.readAll(query.getResultList());
        new Includes(em()).load(model, rows, options.include);
        return rows;
    }

    /** {@code count} counts matching root rows only, whatever is included. */
    public Result<T> findAndCountAll(FindOptions options) {
        List<T> rows = findAll(options);
        int from = options.offset == null ? 0 : options.offset;
        // a page short of its limit, and not past the end, holds the last matches: the count needs no second statement
        boolean last = (options.limit == null || rows.size() < options.limit) && (!rows.isEmpty() || from == 0);
        return new Result<>(last ? from + rows.size() : count(options), rows);
    }

    public Result<T> findAndCountAll(FindOptions.Option... options) {
        return findAndCountAll(FindOptions.of(options));
    }

    public long count(FindOptions.Option... options) {
        return count(FindOptions.of(options));
    }

    /** Counts matching rows; exactly an owner's live belongsToMany targets is a kept total ({@link AssociationTotals}). */
    public long count(FindOptions options) {
        if (options.useMaster && !UseMaster.active()) {
            return UseMaster.run(() -> count(options));
        }
        Long kept = AssociationTotals.kept(model, scoped(options), em());
        return kept != null ? kept : aggregate("count(m)", Long.class, options);
    }

    /**
     * Sequelize's {@code count({group: ['status']})}: one row per group, {@code {status: …, count: n}}, in group
     * order; narrowed and scoped like every find.
     */
    public List<java.util.Map<String, Object>> countBy(List<String> group, FindOptions.Option... options) {
        if (group.isEmpty()) {
            throw new QueryException("group", "count by at least one attribute");
        }
        List<Object> selected = new ArrayList<>(group);
        selected.add(Aggregates.fn("count", Aggregates.col("id")).as("count"));
        List<FindOptions.Option> all = new ArrayList<>(List.of(options));
        all.add(Aggregates.attributes(selected.toArray()));
        all.add(Aggregates.group(group.toArray(String[]::new)));
        return aggregate(all.toArray(FindOptions.Option[]::new));
    }

    /** Sequelize's {@code findAll({attributes: [[fn(…), 'n'], …], group, having, raw: true})}: see {@link Aggregates}. */
    public List<java.util.Map<String, Object>> aggregate(FindOptions.Option... options) {
        List<Aggregates.Part> parts = new ArrayList<>();
        FindOptions o = new FindOptions();
        for (FindOptions.Option option : options) {
            if (option instanceof Aggregates.Part part) {
                parts.add(part);
            } else {
                option.applyTo(o);
            }
        }
        if (o.useMaster && !UseMaster.active()) {
            return UseMaster.run(() -> aggregate(options));
        }
        return new AggregateQuery(model, parts).query(em(), this, scoped(o));
    }

    public <V> V max(String field, Class<V> valueType, FindOptions.Option... options) {
        return aggregate("max(m." + checked(field) + ")", valueType, FindOptions.of(options));
    }

    public <V> V min(String field, Class<V> valueType, FindOptions.Option... options) {
        return aggregate("min(m." + checked(field) + ")", valueType, FindOptions.of(options));
    }

    public Number sum(String field, FindOptions.Option... options) {
        return aggregate("sum(m." + checked(field) + ")", Number.class, FindOptions.of(options));
    }

    private <V> V aggregate(String expression, Class<V> valueType, FindOptions options) {
        if (options.useMaster && !UseMaster.active()) {
            return UseMaster.run(() -> aggregate(expression, valueType, options));
        }
        scoped(options);
        Hql hql = new Hql();
        String q = "select " + expression + " from " + model.name + " m where " + filter(hql, options);
        TypedQuery<V> query = em().createQuery(q, valueType);
        hql.params.forEach(query::setParameter);
        return query.getSingleResult();
    }

    /** The root where, paranoid, the rows the caller may see, and the required includes as EXISTS so counts and pages stay per root row. */
    String filter(Hql hql, FindOptions options) {
        List<String> parts = new ArrayList<>();
        parts.add(hql.condition(model, "m", options.where));
        if (options.paranoid) {
            parts.add("m.deletedAt is null");
        }
        String visible = hql.visible(model, "m");
        if (visible != null) {
            parts.add(visible);
        }
        for (Include inc : options.include) {
            Association a = model.association(inc.association);
            if (inc.required()) {
                parts.add(Includes.exists(hql, a, "m", inc));
            }
        }
        return String.join(" and ", parts);
    }

    private String orderBy(FindOptions options) {
        List<String> parts = new ArrayList<>();
        for (FindOptions.Order o : options.order) {
            parts.add("m." + orderField(o.field()) + " " + o.direction().name().toLowerCase());
        }
        if (options.order.stream().noneMatch(o -> o.field().equals("id"))) {
            parts.add("m.id asc");
        }
        return " order by " + String.join(", ", parts);
    }

    /** An attribute, or a to-one include's attribute ({@code patient.name}), as Sequelize orders by either. */
    private String orderField(String field) {
        int dot = field.indexOf('.');
        if (dot < 0) {
            return checked(field);
        }
        Association a = model.association(field.substring(0, dot));
        if (a.toMany()) {
            throw new QueryException(field, "order by a field of a to-one include only, not of " + a.name());
        }
        ModelInfo.of(a.target()).attribute(field.substring(dot + 1));
        return field;
    }

    private String checked(String field) {
        model.attribute(field);
        return field;
    }

    EntityManager em() {
        return Panache.getEntityManager(type);
    }
}
