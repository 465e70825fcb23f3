package clinic.model;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Transient;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionImplementor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sequelize's instance methods: attribute access and change tracking from the loaded state, {@code update(values)},
 * and the association methods ({@code getAssociation("patients")} is Sequelize's {@code doctor.getPatients()}),
 * driven by the association metadata so a new model has them by declaring its associations.
 */
@MappedSuperclass
public abstract class Instance extends Hooks {

    /** The row as last written while {@link SaveFields} holds unsaved changes of it; null otherwise. */
    @Transient
    Map<String, Object> saved;

    /** Sequelize's {@code Model.build(values)}: a new, unsaved row. */
    public static <T extends Model> T build(Class<T> model, Map<String, ?> values) {
        try {
            T row = model.getDeclaredConstructor().newInstance();
            ModelInfo info = ModelInfo.of(model);
            values.forEach((field, value) -> info.write(row, field, Values.convert(field, info.attribute(field), value)));
            return row;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code row.get("name")}. */
    public Object get(String field) {
        ModelInfo.of(modelClass()).attribute(field);
        return field.equals("id") ? id : ModelInfo.read(model(), field);
    }

    /** {@code row.toJSON()}: every attribute by name. */
    public Map<String, Object> toJSON() {
        return ModelInfo.of(modelClass()).values(model());
    }

    /** {@code row.previous("name")}: the value as loaded from the database, or null for a new row. */
    public Object previous(String field) {
        ModelInfo.of(modelClass()).attribute(field);
        if (saved != null) {
            return saved.get(field);
        }
        EntityEntry entry = entry();
        return entry == null || field.equals("id") ? (field.equals("id") ? id : null) : entry.getLoadedValue(field);
    }

    /** {@code row.changed()}: the attributes that differ from the loaded state (every set one, for a new row). */
    public Set<String> changed() {
        Set<String> changed = new TreeSet<>();
        EntityEntry entry = entry();
        toJSON().forEach((field, value) -> {
            Object before = saved != null ? saved.get(field)
                    : entry == null || field.equals("id") ? null : entry.getLoadedValue(field);
            if (!field.equals("id") && !Objects.equals(before, value) && (entry != null || value != null)) {
                changed.add(field);
            }
        });
        return changed;
    }

    public boolean changed(String field) {
        return changed().contains(field);
    }

    /** {@code row.update(values)}: set, validated and saved, hooks fired. */
    public void update(Map<String, ?> values) {
        ModelInfo info = ModelInfo.of(modelClass());
        values.forEach((field, value) -> info.write(model(), field, Values.convert(field, info.attribute(field), value)));
        model().save();
    }

    /** Sequelize's {@code row.increment("field", {by})}: atomic in SQL, then re-read; see {@link Increments}. */
    public void increment(String field, long by) {
        Increments.increment(model(), field, by);
    }

    /** Sequelize's {@code row.decrement("field", {by})}. */
    public void decrement(String field, long by) {
        Increments.increment(model(), field, Math.negateExact(by));
    }

    /** The rows of an association: {@code doctor.getAppointments(options)}, {@code doctor.getPatients(options)}. */
    @SuppressWarnings("unchecked")
    public <T extends Model> List<T> getAssociation(String association, FindOptions.Option... options) {
        Association a = ModelInfo.of(modelClass()).association(association);
        return Finder.of((Class<T>) a.target()).findAll(with(scope(a), options));
    }

    /** {@code doctor.countAppointments(options)}. */
    public long countAssociation(String association, FindOptions.Option... options) {
        Association a = ModelInfo.of(modelClass()).association(association);
        return Finder.of(a.target()).count(with(scope(a), options));
    }

    /** {@code doctor.hasPatient(patient)}. */
    public boolean hasAssociation(String association, Model row) {
        return countAssociation(association, Where.where("id", row.id)) > 0;
    }

    /** {@code doctor.createAppointment(values)}: a new row of a hasMany, its key set to this row. */
    public <T extends Model> T createAssociation(String association, T row) {
        Association a = ModelInfo.of(modelClass()).association(association);
        if (a.kind() != Association.Kind.HAS_MANY) {
            throw new QueryException(association, "create goes through a hasMany association");
        }
        ModelInfo.of(row.getClass()).write(row, a.foreignKey(), id);
        row.save();
        return row;
    }

    /** {@code appointment.setPatient(patient)}: a belongsTo pointed at another row, saved. */
    public void setAssociation(String association, Model target) {
        Association a = ModelInfo.of(modelClass()).association(association);
        if (a.kind() != Association.Kind.BELONGS_TO) {
            throw new QueryException(association, "set goes through a belongsTo association");
        }
        ModelInfo.of(modelClass()).write(model(), a.foreignKey(), target == null ? null : target.id);
        model().save();
    }

    private Where scope(Association a) {
        return a.kind() == Association.Kind.BELONGS_TO
                ? Where.where("id", ModelInfo.read(model(), a.foreignKey()))
                : Where.associatedWith(a, id);
    }

    private static FindOptions.Option[] with(Where scope, FindOptions.Option... options) {
        List<FindOptions.Option> all = new ArrayList<>(List.of(options));
        all.add(0, scope);
        return all.toArray(FindOptions.Option[]::new);
    }

    private EntityEntry entry() {
        if (!isPersistent()) {
            return null;
        }
        return Panache.getEntityManager(modelClass()).unwrap(SessionImplementor.class).getPersistenceContextInternal()
                .getEntry(this);
    }

    private Model model() {
        return (Model) this;
    }

    private Class<? extends Model> modelClass() {
        return model().getClass();
    }
}
