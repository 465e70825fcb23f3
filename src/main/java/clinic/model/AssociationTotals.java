package clinic.model;

import jakarta.persistence.EntityManager;

import java.util.List;

/**
 * A belongsToMany's count read from the total the database keeps ({@link Association.Total}), used only when the
 * count asked for is exactly that total: the root where is the one through node, paranoid, no required include, and
 * the current access narrows neither the target nor the through model. Otherwise null: the count runs as a query.
 */
final class AssociationTotals {

    private AssociationTotals() {
    }

    static Long kept(ModelInfo model, FindOptions options, EntityManager em) {
        List<Where.Node> nodes = options.where.nodes();
        if (nodes.size() != 1 || !(nodes.get(0) instanceof Where.Through through) || !options.paranoid
                || options.include.stream().anyMatch(Include::required)) {
            return null;
        }
        Association a = through.association();
        Access access = Access.current();
        if (a.total() == null || a.target() != model.type || access.visible(model) != null
                || access.visible(ModelInfo.of(a.through())) != null) {
            return null;
        }
        Association.Total total = a.total();
        // hand-written, a measured hot path: one primary-key read, not a probe per distinct target (bench/, README)
        List<?> found = em.createNativeQuery("select " + total.count() + " from " + total.table() + " where "
                + total.key() + " = :owner").setParameter("owner", through.ownerId()).getResultList();
        return found.isEmpty() ? 0L : ((Number) found.get(0)).longValue();
    }
}
