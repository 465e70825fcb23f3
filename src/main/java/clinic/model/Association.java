package clinic.model;

/**
 * One association of a model, as Sequelize declares them.
 *
 * @param name       the include name ({@code doctor}, {@code appointments}, {@code patients})
 * @param target     the associated model
 * @param kind       belongsTo, hasMany or belongsToMany
 * @param foreignKey belongsTo: this model's key attribute ({@code doctorId}); hasMany: the target's
 *                   ({@code doctorId} on Appointment); belongsToMany: the through model's key to this model
 * @param through    belongsToMany only: the through model and its association to the target
 */
public record Association(String name, Class<? extends Model> target, Kind kind, String foreignKey,
                          Class<? extends Model> through, String throughTarget) {

    public enum Kind { BELONGS_TO, HAS_MANY, BELONGS_TO_MANY }

    public boolean toMany() {
        return kind != Kind.BELONGS_TO;
    }
}
