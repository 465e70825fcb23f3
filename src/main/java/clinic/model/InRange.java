package clinic.model;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An instant or date within {@link Values#RANGE}, for values the service computes (an end past 9999 is no RFC 3339
 * instant); values that clients send are held to it where they are read.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = InRange.Check.class)
public @interface InRange {

    String message() default "must fall " + Values.RANGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The bean-validation side of {@link Values#inRange}. */
    class Check implements ConstraintValidator<InRange, Object> {

        @Override
        public boolean isValid(Object value, ConstraintValidatorContext context) {
            return Values.inRange(value);
        }
    }
}
