package clinic.model;

import java.util.EnumSet;
import java.util.Set;

/** Sequelize's operators, under their Sequelize names. */
public enum Op {
    eq, ne, gt, gte, lt, lte, between, notBetween, in, notIn,
    like, notLike, iLike, notILike, startsWith, endsWith, substring, is, not,
    /** Array attributes: holds every value given (PostgreSQL's {@code @>}, served by a GIN index). */
    contains;

    static final Set<Op> TEXT = EnumSet.of(like, notLike, iLike, notILike, startsWith, endsWith, substring);
    static final Set<Op> RANGE = EnumSet.of(gt, gte, lt, lte, between, notBetween);
    static final Set<Op> LIST = EnumSet.of(between, notBetween, in, notIn);

    /** The operators that fit an attribute of this type. */
    public static Set<Op> allowedFor(Class<?> type) {
        if (type.isArray()) {
            return EnumSet.of(contains, is, not);
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return EnumSet.of(is, not);
        }
        Set<Op> ops = EnumSet.of(eq, ne, in, notIn, is, not);
        if (type == String.class) {
            ops.addAll(TEXT);
        }
        if (type != Boolean.class && !type.isEnum()) {
            ops.addAll(RANGE);
        }
        return ops;
    }
}
