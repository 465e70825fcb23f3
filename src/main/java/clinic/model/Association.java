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
 * @param total      belongsToMany only, optional: where the database keeps each owner's count of live targets
 */
public record Association(String name, Class<? extends Model> target, Kind kind, String foreignKey,
                          Class<? extends Model> through, String throughTarget, Total total) {

    public enum Kind { BELONGS_TO, HAS_MANY, BELONGS_TO_MANY }

    /** A table with one row per owner ({@code key}) holding its count ({@code count}); no row: 0. */
    public record Total(String table, String key, String count) {

        private static final java.util.regex.Pattern FORM =
                java.util.regex.Pattern.compile("(\\w+)\\((\\w+)\\)\\.(\\w+)");

        /** {@code "doctor_patient_totals(doctor_id).patients"}; blank: none. */
        static Total parse(String declared) {
            if (declared.isBlank()) {
                return null;
            }
            var m = FORM.matcher(declared);
            if (!m.matches()) {
                throw new IllegalStateException("total '" + declared + "' is not table(key).count");
            }
            return new Total(m.group(1), m.group(2), m.group(3));
        }
    }

    public Association(String name, Class<? extends Model> target, Kind kind, String foreignKey,
                       Class<? extends Model> through, String throughTarget) {
        this(name, target, kind, foreignKey, through, throughTarget, null);
    }

    public boolean toMany() {
        return kind != Kind.BELONGS_TO;
    }
}
