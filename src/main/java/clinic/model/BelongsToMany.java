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

    /**
     * Optional: a table the database keeps (by triggers, in every writing transaction) with each owner's count of
     * live targets with a live through row, as {@code table(key).count}; a count of exactly that reads it.
     */
    String total() default "";

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        BelongsToMany[] value();
    }
}
