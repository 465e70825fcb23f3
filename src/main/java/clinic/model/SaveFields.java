package clinic.model;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.hibernate.Session;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sequelize's {@code row.save({fields: ['phone']})}: only those attributes are validated and written, hooks fired; the
 * row's other changes stay in memory, unsaved. Hibernate would write them at the next flush, so the row is held
 * read-only until its next write (save, destroy, restore) or reload, which saves them with it, as in Sequelize.
 */
public final class SaveFields {

    private final Set<String> names;

    private SaveFields(Set<String> names) {
        this.names = names;
    }

    public static SaveFields fields(String... names) {
        return new SaveFields(new LinkedHashSet<>(List.of(names)));
    }

    void save(Model row) {
        if (!row.isPersistent()) {
            throw new QueryException("fields", "a new row is saved whole: save() without fields");
        }
        ModelInfo info = ModelInfo.of(row.getClass());
        names.forEach(info::attribute);
        release(row);
        Map<String, Object> pending = new LinkedHashMap<>();
        for (String field : row.changed()) {
            if (!names.contains(field)) {
                pending.put(field, row.get(field));
                info.write(row, field, row.previous(field));
            }
        }
        try {
            validate(row);
            row.fire(Hook.beforeSave);
            row.fire(Hook.beforeUpdate);
            info.syncBelongsTo(row);
            row.persistAndFlush();
            row.fire(Hook.afterUpdate);
            row.fire(Hook.afterSave);
            if (!pending.isEmpty()) {
                row.saved = info.values(row);
                session(row).setReadOnly(row, true);
            }
        } finally {
            pending.forEach((field, value) -> info.write(row, field, value));
        }
    }

    /** The validate hooks, and the rules of the named attributes only. */
    private void validate(Model row) {
        row.fire(Hook.beforeValidate);
        Validator validator = Arc.container().instance(Validator.class).get();
        Set<ConstraintViolation<Model>> violations = new HashSet<>();
        names.forEach(name -> violations.addAll(validator.validateProperty(row, name)));
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        row.fire(Hook.afterValidate);
    }

    /** Before any other write of a held row: its unsaved changes become Hibernate's changes again, to be written. */
    static void release(Model row) {
        if (row.saved == null) {
            return;
        }
        ModelInfo info = ModelInfo.of(row.getClass());
        Map<String, Object> current = info.values(row);
        current.remove("id");
        // read-only → modifiable makes the current state Hibernate's snapshot: first the state as written
        current.keySet().forEach(field -> info.write(row, field, row.saved.get(field)));
        session(row).setReadOnly(row, false);
        current.forEach((field, value) -> info.write(row, field, value));
        row.saved = null;
    }

    private static Session session(Model row) {
        return Panache.getEntityManager(row.getClass()).unwrap(Session.class);
    }
}
