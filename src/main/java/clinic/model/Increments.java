package clinic.model;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sequelize's {@code row.increment('field', {by})}: {@code f = f + by} in one UPDATE, so concurrent increments never
 * lose one another's (the row's value in memory may be stale), then the row re-read. Derived columns (Appointment's
 * {@code endsAt}) are recomputed, validated and written under the row lock that UPDATE took.
 */
final class Increments {

    private Increments() {
    }

    static void increment(Model row, String field, long by) {
        ModelInfo info = ModelInfo.of(row.getClass());
        Class<?> type = info.attribute(field);
        boolean key = field.equals("id") || field.equals("version") || info.associations().values().stream()
                .anyMatch(a -> a.kind() == Association.Kind.BELONGS_TO && a.foreignKey().equals(field));
        if (!(type == Integer.class || type == Long.class) || key) {
            throw new QueryException(field, "increment takes a numeric attribute, not a key, the version or "
                    + field + " (" + Values.describe(type) + ")");
        }
        if (!row.isPersistent()) {
            throw new QueryException(field, "increment a saved row; set the value of a new one");
        }
        SaveFields.release(row);
        // the row's other changes stay changes: kept out of the UPDATE's auto-flush, set again after the re-read
        Map<String, Object> pending = new LinkedHashMap<>();
        for (String f : row.changed()) {
            pending.put(f, row.get(f));
            info.write(row, f, row.previous(f));
        }
        EntityManager em = Panache.getEntityManager(row.getClass());
        em.createQuery("update " + info.name + " m set m." + field + " = m." + field + " + :by, m.version = m.version"
                        + " + 1, m.updatedAt = :now where m.id = :id")
                .setParameter("by", type == Integer.class ? (Object) Math.toIntExact(by) : (Object) by)
                .setParameter("now", Instant.now()).setParameter("id", row.id).executeUpdate();
        em.refresh(row);
        if (info.attributes().keySet().stream().anyMatch(info::derived)) {
            row.validate();
            em.flush();
        }
        pending.forEach((f, value) -> info.write(row, f, value));
    }
}
