package clinic.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.arc.Arc;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.hibernate.Hibernate;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every Sequelize model has: an id, timestamps, paranoid {@code deletedAt} and an optimistic-lock version.
 * Those are written by the database layer only, so a client's values for them are ignored.
 */
@MappedSuperclass
@JsonIgnoreProperties(value = {"id", "createdAt", "updatedAt", "deletedAt", "version"}, allowGetters = true)
public abstract class Model extends Instance {

    private static final Pattern EDGES =
            Pattern.compile("\\A[\\p{IsWhite_Space}\\p{Cf}]+|[\\p{IsWhite_Space}\\p{Cf}]+\\z");

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Version
    @Column(nullable = false)
    public Integer version;

    private static final Object HIDDEN = new Object();

    /** Rows loaded by {@code include} for to-many associations, keyed by association name. */
    @Transient
    private final Map<String, Object> included = new HashMap<>();

    /** The attributes a find with {@code attributes(...)} read (id first); null for a whole, managed row. */
    @Transient
    private Set<String> attributes;

    /** Sequelize's {@code validate()}: beforeValidate, the model's rules, afterValidate. */
    public void validate() {
        fire(Hook.beforeValidate);
        var violations = Arc.container().instance(Validator.class).get().validate(this);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        fire(Hook.afterValidate);
    }

    /** Trims every Unicode white-space and format character (NBSP, zero-width space…), so such text is blank. */
    protected static String trim(String s) {
        return s == null ? null : EDGES.matcher(s).replaceAll("");
    }

    /** Sequelize's {@code save()}: validated, then inserted or updated now, so constraint violations surface here. */
    public void save() {
        writable();
        SaveFields.release(this);
        validate();
        boolean creating = !isPersistent();
        fire(Hook.beforeSave);
        fire(creating ? Hook.beforeCreate : Hook.beforeUpdate);
        ModelInfo.of(getClass()).syncBelongsTo(this);
        persistAndFlush();
        fire(creating ? Hook.afterCreate : Hook.afterUpdate);
        fire(Hook.afterSave);
    }

    /** Sequelize's {@code save({fields: [...]})}: only those attributes, see {@link SaveFields}. */
    public void save(SaveFields fields) {
        fields.save(this);
    }

    /** Sequelize's {@code reload()}: re-reads the row from the database. */
    public void reload() {
        SaveFields.release(this);
        getEntityManager().refresh(this);
    }

    /** Sequelize's instance {@code destroy()}: soft, as the models are paranoid. */
    public void destroy() {
        destroy(false);
    }

    /** {@code destroy({force: true})}: deletes the row for real. */
    public void destroy(boolean force) {
        writable();
        SaveFields.release(this);
        fire(Hook.beforeDestroy);
        if (force) {
            delete();
            flush();
        } else {
            deletedAt = Instant.now();
            persistAndFlush();
        }
        fire(Hook.afterDestroy);
    }

    public void restore() {
        writable();
        SaveFields.release(this);
        fire(Hook.beforeRestore);
        deletedAt = null;
        persistAndFlush();
        fire(Hook.afterRestore);
    }

    /**
     * The rows an include loaded: a list for a to-many association; for a to-one, the row, or null when the caller may
     * not see it or the include's where or paranoid rule leaves it out.
     */
    public Object included(String association) {
        Object rows = included.get(association);
        if (rows == HIDDEN) {
            return null;
        }
        if (rows != null) {
            return rows;
        }
        Association a = ModelInfo.of(getClass()).associations().get(association);
        return a == null || a.toMany() ? null : Hibernate.unproxy(ModelInfo.read(this, association));
    }

    /** A belongsTo the current access may not see, or its include's where or paranoid rule leaves out: null. */
    public boolean hidden(String association) {
        return included.get(association) == HIDDEN;
    }

    /** The attributes this row was found with ({@code attributes(...)}), id first; null when it was read whole. */
    public Set<String> attributes() {
        return attributes;
    }

    void project(Set<String> attributes) {
        this.attributes = attributes;
    }

    /** A row read with some attributes only would overwrite the others with nulls. */
    private void writable() {
        if (attributes != null) {
            throw new IllegalStateException(getClass().getSimpleName() + " " + id + " was found with attributes "
                    + attributes + " only: find it without attributes to write it");
        }
    }

    void hide(String association) {
        included.put(association, HIDDEN);
    }

    void include(String association, Object rows) {
        included.put(association, rows);
    }
}
