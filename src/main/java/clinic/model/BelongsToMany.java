package clinic.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sequelize's {@code belongsToMany(Target, {through, as})}, read-only: declared on the model, read through
 * one of its hasMany associations, so nothing ever writes or deletes the through rows behind your back.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(BelongsToMany.List.class)
public @interface BelongsToMany {

    /** The association's name ({@code as}), e.g. {@code patients}. */
    String as();

    Class<? extends Model> target();

    /** The hasMany association whose rows link to the target, e.g. {@code appointments}. */
    String through();

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        BelongsToMany[] value();
    }
}
