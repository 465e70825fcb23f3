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
 * A to-one include's rows for a page: join-fetched with whole parents, or by key in one query when either side is read
 * with attributes. A row the caller may not see, or that the include's where or paranoid rule leaves out, shows null.
 */
final class ToOneRows {

    private final EntityManager em;

    ToOneRows(EntityManager em) {
        this.em = em;
    }

    /**
     * Belongs-to rows are normally join-fetched already; any left as proxies are loaded in one query. One the caller
     * may not see, or that the include's where or paranoid rule leaves out, is shown as null (the access rules make
     * the first rare: an appointment you see names people you see).
     */
    List<Model> joinFetched(Association a, ModelInfo target, List<? extends Model> parents, Include inc) {
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
        Set<Object> hidden = hidden(target, targets, inc);
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

    /** The ids among {@code rows} not to show; one query, and none when nothing can leave a row out. */
    private Set<Object> hidden(ModelInfo model, Set<Model> rows, Include inc) {
        Hql hql = new Hql();
        String visible = hql.visible(model, "c");
        String cond = (visible == null ? "" : " and " + visible) + Includes.where(hql, model, "c", inc)
                + Includes.paranoid(inc, "c", false);
        if (cond.isEmpty() || rows.isEmpty()) {
            return Set.of();
        }
        Set<Object> hidden = new LinkedHashSet<>();
        rows.forEach(r -> hidden.add(r.id));
        String q = "select c.id from " + model.name + " c where c.id in (" + hql.param(Set.copyOf(hidden)) + ")" + cond;
        Query query = em.createQuery(q);
        hql.params.forEach(query::setParameter);
        hidden.removeAll(query.getResultList());
        return hidden;
    }

    /**
     * To-one rows by the parents' keys, for parents or an include read with attributes (nothing to join-fetch): one
     * query, which leaves out the rows not to show, so those parents show null.
     */
    List<Model> byKeys(Association a, ModelInfo target, List<? extends Model> parents, Include inc,
                       Projection projection) {
        Set<Object> keys = new LinkedHashSet<>();
        parents.forEach(p -> keys.add(ModelInfo.read(p, a.foreignKey())));
        keys.remove(null);
        Map<Object, Model> byId = new LinkedHashMap<>();
        if (!keys.isEmpty()) {
            Hql hql = new Hql();
            String q = "select " + Includes.select(projection, "c") + " from " + target.name + " c"
                    + Includes.joinFetches(target, "c", projection, inc.include) + " where c.id in ("
                    + hql.param(keys) + ")" + Includes.paranoid(inc, "c", false) + hql.andVisible(target, "c")
                    + Includes.where(hql, target, "c", inc);
            for (Object row : Includes.<Object>run(em, hql, q)) {
                Model t = projection == null ? (Model) row : projection.read((Object[]) row, 0);
                byId.put(t.id, t);
            }
        }
        for (Model p : parents) {
            Model t = byId.get(ModelInfo.read(p, a.foreignKey()));
            if (t == null) {
                p.hide(a.name());
            } else {
                p.include(a.name(), t);
            }
        }
        return new ArrayList<>(byId.values());
    }
}
