package clinic.model;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.hibernate.Hibernate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads an include tree for a page of rows: one query per to-many association for all parents at once, so
 * {@code limit} applies to root rows only and the statement count does not grow with the page.
 */
final class Includes {

    private final EntityManager em;

    Includes(EntityManager em) {
        this.em = em;
    }

    void load(ModelInfo model, List<? extends Model> parents, List<Include> includes) {
        if (parents.isEmpty()) {
            return;
        }
        for (Include inc : includes) {
            Association a = model.association(inc.association);
            ModelInfo target = ModelInfo.of(a.target());
            List<Model> children = switch (a.kind()) {
                case BELONGS_TO -> belongsTo(a, target, parents);
                case HAS_MANY -> hasMany(a, target, parents, inc);
                case BELONGS_TO_MANY -> belongsToMany(a, target, parents, inc);
            };
            load(target, children, inc.include);
        }
    }

    /**
     * Belongs-to rows are normally join-fetched already; any left as proxies are loaded in one query. One the caller
     * may not see is shown as null (the access rules make that rare: an appointment you see names people you see).
     */
    private List<Model> belongsTo(Association a, ModelInfo target, List<? extends Model> parents) {
        Set<Model> targets = new LinkedHashSet<>();
        Set<Object> missing = new LinkedHashSet<>();
        for (Model p : parents) {
            Model t = (Model) ModelInfo.read(p, a.name());
            if (t != null) {
                targets.add(t);
                if (!Hibernate.isInitialized(t)) {
                    missing.add(t.id);
                }
            }
        }
        if (!missing.isEmpty()) {
            em.createQuery("from " + a.target().getSimpleName() + " t where t.id in (:ids)")
                    .setParameter("ids", missing).getResultList();
        }
        Set<Object> hidden = hidden(target, targets);
        List<Model> loaded = new ArrayList<>();
        targets.forEach(t -> {
            if (!hidden.contains(t.id)) {
                loaded.add((Model) Hibernate.unproxy(t));
            }
        });
        for (Model p : parents) {
            Model t = (Model) ModelInfo.read(p, a.name());
            if (t != null && hidden.contains(t.id)) {
                p.hide(a.name());
            }
        }
        return loaded;
    }

    /** The ids among {@code rows} that the current access may not see; one query, and none for a full view. */
    private Set<Object> hidden(ModelInfo model, Set<Model> rows) {
        Hql hql = new Hql();
        String visible = hql.visible(model, "c");
        if (visible == null || rows.isEmpty()) {
            return Set.of();
        }
        Set<Object> hidden = new LinkedHashSet<>();
        rows.forEach(r -> hidden.add(r.id));
        String q = "select c.id from " + model.name + " c where c.id in (" + hql.param(Set.copyOf(hidden)) + ") and "
                + visible;
        Query query = em.createQuery(q);
        hql.params.forEach(query::setParameter);
        hidden.removeAll(query.getResultList());
        return hidden;
    }

    private List<Model> hasMany(Association a, ModelInfo target, List<? extends Model> parents, Include inc) {
        Hql hql = new Hql();
        String q = "select c." + a.foreignKey() + ", c from " + target.name + " c" + joinFetches(target, inc)
                + " where c." + a.foreignKey() + " in (" + hql.param(ids(parents)) + ") and c.deletedAt is null"
                + hql.andVisible(target, "c") + where(hql, target, inc) + " order by c.id";
        return assign(a, parents, run(hql, q));
    }

    private List<Model> belongsToMany(Association a, ModelInfo target, List<? extends Model> parents, Include inc) {
        Hql hql = new Hql();
        String q = "select distinct t." + a.foreignKey() + ", c from " + a.through().getSimpleName() + " t join t."
                + a.throughTarget() + " c where t." + a.foreignKey() + " in (" + hql.param(ids(parents))
                + ") and t.deletedAt is null and c.deletedAt is null" + hql.andVisible(ModelInfo.of(a.through()), "t")
                + hql.andVisible(target, "c") + where(hql, target, inc) + " order by c.id";
        return assign(a, parents, run(hql, q));
    }

    /** {@code exists (...)} for a required include, so the root query keeps one row per root. */
    static String exists(Hql hql, Association a, String alias, Include inc) {
        ModelInfo target = ModelInfo.of(a.target());
        String c = hql.alias("c");
        String cond = hql.condition(target, c, inc.where == null ? Where.where() : inc.where)
                + hql.andVisible(target, c) + required(hql, target, c, inc);
        return switch (a.kind()) {
            case BELONGS_TO -> "exists (select 1 from " + target.name + " " + c + " where " + c + ".id = " + alias
                    + "." + a.foreignKey() + " and " + cond + ")";
            case HAS_MANY -> "exists (select 1 from " + target.name + " " + c + " where " + c + "." + a.foreignKey()
                    + " = " + alias + ".id and " + c + ".deletedAt is null and " + cond + ")";
            case BELONGS_TO_MANY -> {
                String t = hql.alias("t");
                yield "exists (select 1 from " + a.through().getSimpleName() + " " + t + " join " + t + "."
                        + a.throughTarget() + " " + c + " where " + t + "." + a.foreignKey() + " = " + alias
                        + ".id and " + t + ".deletedAt is null and " + c + ".deletedAt is null"
                        + hql.andVisible(ModelInfo.of(a.through()), t) + " and " + cond + ")";
            }
        };
    }

    private static String joinFetches(ModelInfo target, Include inc) {
        StringBuilder joins = new StringBuilder();
        for (Include child : inc.include) {
            if (!target.association(child.association).toMany()) {
                joins.append(" left join fetch c.").append(child.association);
            }
        }
        return joins.toString();
    }

    /** The include's own where on its rows, and its required children as EXISTS: the rows a level may load. */
    private static String where(Hql hql, ModelInfo target, Include inc) {
        String own = inc.where == null || inc.where.isEmpty() ? "" : " and " + hql.condition(target, "c", inc.where);
        return own + required(hql, target, "c", inc);
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
    private List<Object[]> run(Hql hql, String q) {
        Query query = em.createQuery(q);
        hql.params.forEach(query::setParameter);
        return query.getResultList();
    }

    private static List<Model> assign(Association a, List<? extends Model> parents, List<Object[]> pairs) {
        Map<Object, List<Model>> byParent = new LinkedHashMap<>();
        parents.forEach(p -> byParent.put(p.id, new ArrayList<>()));
        List<Model> children = new ArrayList<>();
        for (Object[] pair : pairs) {
            Model child = (Model) pair[1];
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
