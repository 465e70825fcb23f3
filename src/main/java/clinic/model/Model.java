package clinic.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What every Sequelize model has: an id, timestamps, paranoid {@code deletedAt} and an optimistic-lock version.
 * Those are written by the database layer only, so a client's values for them are ignored.
 */
@MappedSuperclass
@JsonIgnoreProperties(value = {"id", "createdAt", "updatedAt", "deletedAt", "version"}, allowGetters = true)
public abstract class Model extends PanacheEntity {

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

    /** Sequelize's beforeValidate hook: normalise input (trim, defaults) before the rules run. */
    public void beforeValidate() {
    }

    /** Sequelize's {@code save()}: insert or update now, so constraint violations surface here. */
    public void save() {
        beforeValidate();
        ModelInfo.of(getClass()).syncBelongsTo(this);
        persistAndFlush();
    }

    /** Sequelize's {@code reload()}: re-reads the row from the database. */
    public void reload() {
        getEntityManager().refresh(this);
    }

    /** Sequelize's instance {@code destroy()}: soft, as the models are paranoid. */
    public void destroy() {
        deletedAt = Instant.now();
        persistAndFlush();
    }

    /** {@code destroy({force: true})}: deletes the row for real. */
    public void destroy(boolean force) {
        if (!force) {
            destroy();
            return;
        }
        delete();
        flush();
    }

    public void restore() {
        deletedAt = null;
        persistAndFlush();
    }

    public Object included(String association) {
        return included.get(association);
    }

    /** A belongsTo the current access may not see: rendered as null, its row never shown. */
    public boolean hidden(String association) {
        return included.get(association) == HIDDEN;
    }

    void hide(String association) {
        included.put(association, HIDDEN);
    }

    void include(String association, Object rows) {
        included.put(association, rows);
    }
}
