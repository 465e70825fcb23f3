package clinic.model;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.MappedSuperclass;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Sequelize's lifecycle hooks: methods a model overrides (hooks in the model's definition) and functions added at run
 * time ({@code Model.addHook}). {@link Model} fires both on every write path, the bulk class methods included (they
 * write row by row, so per-row hooks always fire: Sequelize's {@code individualHooks: true}); a hook that throws
 * aborts the write and its transaction.
 */
@MappedSuperclass
public abstract class Hooks extends PanacheEntity {

    /** What a bulk hook is given: the where, the values of an update, and after the write the rows it touched. */
    public record Bulk(Where where, Map<String, Object> values, Integer count) {
    }

    private static final Map<Class<?>, Map<Hook, List<Consumer<Object>>>> ADDED = new ConcurrentHashMap<>();

    /** Sequelize's {@code Model.addHook(name, fn)}. */
    @SuppressWarnings("unchecked")
    public static <A> void addHook(Class<? extends Model> model, Hook hook, Consumer<A> fn) {
        ADDED.computeIfAbsent(model, m -> new ConcurrentHashMap<>())
                .computeIfAbsent(hook, h -> new CopyOnWriteArrayList<>()).add((Consumer<Object>) fn);
    }

    /** Sequelize's {@code Model.removeHook(name, fn)}. */
    public static void removeHook(Class<? extends Model> model, Hook hook, Consumer<?> fn) {
        ADDED.getOrDefault(model, Map.of()).getOrDefault(hook, List.of()).remove(fn);
    }

    /** Runs the functions added for a model's hook, with the row or the {@link Bulk}. */
    static void runAdded(Class<?> model, Hook hook, Object argument) {
        ADDED.getOrDefault(model, Map.of()).getOrDefault(hook, List.of()).forEach(fn -> fn.accept(argument));
    }

    /** Fires one per-row hook: the model's method, then the functions added for it. */
    void fire(Hook hook) {
        switch (hook) {
            case beforeValidate -> beforeValidate();
            case afterValidate -> afterValidate();
            case beforeSave -> beforeSave();
            case afterSave -> afterSave();
            case beforeCreate -> beforeCreate();
            case afterCreate -> afterCreate();
            case beforeUpdate -> beforeUpdate();
            case afterUpdate -> afterUpdate();
            case beforeDestroy -> beforeDestroy();
            case afterDestroy -> afterDestroy();
            case beforeRestore -> beforeRestore();
            case afterRestore -> afterRestore();
            default -> throw new IllegalArgumentException(hook + " is a bulk hook");
        }
        runAdded(getClass(), hook, this);
    }

    /** Normalise input (trim, defaults, derived columns) before the rules run. */
    public void beforeValidate() {
    }

    public void afterValidate() {
    }

    public void beforeSave() {
    }

    public void afterSave() {
    }

    public void beforeCreate() {
    }

    public void afterCreate() {
    }

    public void beforeUpdate() {
    }

    public void afterUpdate() {
    }

    public void beforeDestroy() {
    }

    public void afterDestroy() {
    }

    public void beforeRestore() {
    }

    public void afterRestore() {
    }
}
