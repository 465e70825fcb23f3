package clinic.model;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sequelize's {@code sequelize.query(sql, {replacements})}: raw SQL with named replacements ({@code :status}), every
 * one bound as a parameter, never spliced into the text.
 */
public final class Sequelize {

    private Sequelize() {
    }

    /** Rows as maps, column name to value. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> query(String sql, Map<String, ?> replacements) {
        Query q = Panache.getEntityManager().createNativeQuery(sql, Tuple.class);
        replacements.forEach(q::setParameter);
        return ((List<Tuple>) q.getResultList()).stream().map(t -> {
            Map<String, Object> row = new LinkedHashMap<>();
            t.getElements().forEach(e -> row.put(e.getAlias(), t.get(e)));
            return row;
        }).toList();
    }

    /** Rows as models: the SQL must select the model's table's columns ({@code select d.* from doctors d …}). */
    @SuppressWarnings("unchecked")
    public static <T extends Model> List<T> query(String sql, Map<String, ?> replacements, Class<T> model) {
        Query q = Panache.getEntityManager(model).createNativeQuery(sql, model);
        replacements.forEach(q::setParameter);
        return q.getResultList();
    }
}
