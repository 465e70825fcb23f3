package clinic.model;

/** Sequelize's hook names: per row, and the bulk class methods' own (their argument is a {@link Hooks.Bulk}). */
public enum Hook {
    beforeValidate, afterValidate, beforeSave, afterSave, beforeCreate, afterCreate, beforeUpdate, afterUpdate,
    beforeDestroy, afterDestroy, beforeRestore, afterRestore,
    beforeBulkCreate, afterBulkCreate, beforeBulkUpdate, afterBulkUpdate, beforeBulkDestroy, afterBulkDestroy,
    beforeBulkRestore, afterBulkRestore
}
