package clinic.model;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads an include tree for a page of rows: one query per association level for all parents at once, so
 * {@code limit} applies to root rows only and the statement count does not grow with the page.
 */
final class Includes {

    private final EntityManager em;
    private final ToOneRows toOne;

    Includes(EntityManager em) {
        this.em = em;
        this.toOne = new ToOneRows(em);
    }

    void load(ModelInfo model, List<? extends Model> parents, List<Include> includes) {
        if (parents.isEmpty()) {
            return;
        }
        boolean whole = parents.get(0).attributes() == null;
        for (Include inc : includes) {
            Association a = model.association(inc.association);
            ModelInfo target = ModelInfo.of(a.target());
            Projection projection = Projection.of(target, inc);
            List<Model> children = switch (a.kind()) {
                case BELONGS_TO -> whole && projection == null ? toOne.joinFetched(a, target, parents, inc)
                        : toOne.byKeys(a, target, parents, inc, projection);
                case HAS_MANY, BELONGS_TO_MANY -> toMany(a, target, parents, inc, projection);
            };
            load(target, children, inc.include);
        }
    }

    /**
     * A to-many include's rows for the whole page in one query: hasMany by the target's key, belongsToMany through
     * the live through rows (each narrowed too), each target once per parent.
     */
    private List<Model> toMany(Association a, ModelInfo target, List<? extends Model> parents, Include inc,
                               Projection projection) {
        Hql hql = new Hql();
        String q = new ToManyRows(a, (t, c) -> rowsFor(hql, a, target, parents, inc, t, c))
                .query(inc, target, select(projection, "c"), joinFetches(target, "c", projection, inc.include));
        return assign(a, parents, run(em, hql, q), projection);
    }

    /** The rows a to-many level may load, over a through alias {@code t} and a target alias {@code c}. */
    private static String rowsFor(Hql hql, Association a, ModelInfo target, List<? extends Model> parents, Include inc,
                                  String t, String c) {
        String through = a.kind() == Association.Kind.HAS_MANY ? ""
                : " and " + t + ".deletedAt is null" + hql.andVisible(ModelInfo.of(a.through()), t);
        return ToManyRows.parentKey(a, t, c) + " in (" + hql.param(ids(parents)) + ")" + through + paranoid(inc, c)
                + hql.andVisible(target, c) + where(hql, target, c, inc);
    }

    /** {@code exists (...)} for a required include, so the root query keeps one row per root. */
    static String exists(Hql hql, Association a, String alias, Include inc) {
        ModelInfo target = ModelInfo.of(a.target());
        String c = hql.alias("c");
        String cond = hql.condition(target, c, inc.where == null ? Where.where() : inc.where)
                + hql.andVisible(target, c) + required(hql, target, c, inc);
        return switch (a.kind()) {
            case BELONGS_TO -> "exists (select 1 from " + target.name + " " + c + " where " + c + ".id = " + alias
                    + "." + a.foreignKey() + paranoid(inc, c, false) + " and " + cond + ")";
            case HAS_MANY -> "exists (select 1 from " + target.name + " " + c + " where " + c + "." + a.foreignKey()
                    + " = " + alias + ".id" + paranoid(inc, c, true) + " and " + cond + ")";
            case BELONGS_TO_MANY -> {
                String t = hql.alias("t");
                yield "exists (select 1 from " + a.through().getSimpleName() + " " + t + " join " + t + "."
                        + a.throughTarget() + " " + c + " where " + t + "." + a.foreignKey() + " = " + alias
                        + ".id and " + t + ".deletedAt is null" + paranoid(inc, c, true)
                        + hql.andVisible(ModelInfo.of(a.through()), t) + " and " + cond + ")";
            }
        };
    }

    /** The whole to-one includes below a level read whole, fetched in its query; the others load by key. */
    static String joinFetches(ModelInfo model, String alias, Projection projection, List<Include> includes) {
        StringBuilder joins = new StringBuilder();
        for (Include child : includes) {
            if (projection == null && !model.association(child.association).toMany()
                    && Projection.of(ModelInfo.of(model.association(child.association).target()), child) == null) {
                joins.append(" left join fetch ").append(alias).append('.').append(child.association);
            }
        }
        return joins.toString();
    }

    static String select(Projection projection, String alias) {
        return projection == null ? alias : projection.select(alias);
    }

    private static String paranoid(Include inc, String alias) {
        return paranoid(inc, alias, true);
    }

    static String paranoid(Include inc, String alias, boolean toMany) {
        return inc.hidesDeleted(toMany) ? " and " + alias + ".deletedAt is null" : "";
    }

    /** The include's own order within each parent, then id, so a per-parent limit cuts a stable list. */
    static String orderBy(ModelInfo target, String alias, Include inc) {
        StringBuilder by = new StringBuilder(" order by ");
        for (FindOptions.Order o : inc.order) {
            target.attribute(o.field());
            by.append(alias).append('.').append(o.field()).append(' ').append(o.direction().name().toLowerCase())
                    .append(", ");
        }
        return by.append(alias).append(".id").toString();
    }

    /** The include's own where on its rows, and its required children as EXISTS: the rows a level may load. */
    static String where(Hql hql, ModelInfo target, String alias, Include inc) {
        String own = inc.where == null || inc.where.isEmpty() ? "" : " and " + hql.condition(target, alias, inc.where);
        return own + required(hql, target, alias, inc);
    }

    /** {@code and exists (...)} for each required child of {@code inc}, on the rows of {@code alias}. */
    static String required(Hql hql, ModelInfo model, String alias, Include inc) {
        StringBuilder and = new StringBuilder();
        for (Include child : inc.include) {
            if (child.required()) {
                and.append(" and ").append(exists(hql, model.association(child.association), alias, child));
            }
        }
        return and.toString();
    }

    @SuppressWarnings("unchecked")
    static <R> List<R> run(EntityManager em, Hql hql, String q) {
        Query query = em.createQuery(q);
        hql.params.forEach(query::setParameter);
        return query.getResultList();
    }

    /** Hands each parent its rows, as the query returned them: (parent key, child) pairs. */
    private static List<Model> assign(Association a, List<? extends Model> parents, List<Object[]> pairs,
                                      Projection projection) {
        Map<Object, List<Model>> byParent = new LinkedHashMap<>();
        parents.forEach(p -> byParent.put(p.id, new ArrayList<>()));
        List<Model> children = new ArrayList<>();
        for (Object[] pair : pairs) {
            Model child = projection == null ? (Model) pair[1] : projection.read(pair, 1);
            byParent.get(pair[0]).add(child);
            children.add(child);
        }
        parents.forEach(p -> p.include(a.name(), byParent.get(p.id)));
        return children;
    }

    private static Set<Object> ids(List<? extends Model> rows) {
        Set<Object> ids = new LinkedHashSet<>();
        rows.forEach(r -> ids.add(r.id));
        return ids;
    }
}
