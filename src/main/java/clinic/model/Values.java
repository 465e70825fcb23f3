package clinic.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.regex.Pattern;

/** Converts a condition's value to its attribute's type; strings (from a query string) are parsed. */
public final class Values {

    /** Instants and dates are taken from year 0001 to 9999: PostgreSQL's range is wider, Java's wider still. */
    public static final Instant MIN_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");
    public static final String RANGE = "from year 0001 to 9999";
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern CANONICAL_INTEGER = Pattern.compile("0|-?[1-9][0-9]{0,18}");

    private Values() {
    }

    /** Whether an instant or a date is within {@link #RANGE}; other values are. */
    public static boolean inRange(Object value) {
        if (value instanceof Instant i) {
            return !i.isBefore(MIN_INSTANT) && !i.isAfter(MAX_INSTANT);
        }
        if (value instanceof LocalDate d) {
            return d.getYear() >= 1 && d.getYear() <= 9999;
        }
        return true;
    }

    static Object convert(String field, Class<?> type, Object value) {
        if (value == null || type.isInstance(value)) {
            return value;
        }
        if (value instanceof Number n && (type == Long.class || type == Integer.class)) {
            return type == Long.class ? (Object) n.longValue() : (Object) n.intValue();
        }
        if (!(value instanceof String s)) {
            throw wrongType(field, type, String.valueOf(value));
        }
        try {
            if (type == Long.class) {
                return integer(s.trim());
            }
            if (type == Integer.class) {
                return Math.toIntExact(integer(s.trim()));
            }
            if (type == Boolean.class) {
                return parseBoolean(field, s);
            }
            if (type == Instant.class) {
                return instant(s.trim());
            }
            if (type == LocalDate.class) {
                return date(s.trim());
            }
            if (type.isEnum()) {
                return enumValue(field, type, s.trim());
            }
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            throw wrongType(field, type, s);
        }
        throw wrongType(field, type, s);
    }

    /**
     * A canonical decimal integer: ASCII digits, an optional minus, no leading zeros or plus; {@code Long.parseLong}
     * alone also takes {@code +1}, {@code 01} and digits of other scripts.
     */
    public static long integer(String s) {
        if (!CANONICAL_INTEGER.matcher(s).matches()) {
            throw new NumberFormatException(s);
        }
        return Long.parseLong(s);
    }

    /**
     * An instant as RFC 3339 writes it, for query strings and bodies alike: ISO-8601 with an offset, seconds 0–59 (no
     * leap second, which would be moved), at most microseconds (what PostgreSQL keeps), within {@link #RANGE}.
     */
    public static Instant instant(String s) {
        Instant t = OffsetDateTime.parse(s).toInstant();
        if (t.getNano() % 1000 != 0 || !inRange(t)) {
            throw new DateTimeParseException("not an instant the service keeps", s, 0);
        }
        return t;
    }

    /** A date as {@code YYYY-MM-DD} only: a date-time would be cut to its date, a day off east of UTC. */
    public static LocalDate date(String s) {
        if (!DATE.matcher(s).matches()) {
            throw new DateTimeParseException("not YYYY-MM-DD", s, 0);
        }
        LocalDate d = LocalDate.parse(s);
        if (!inRange(d)) {
            throw new DateTimeParseException("out of range", s, 0);
        }
        return d;
    }

    static Boolean parseBoolean(String field, String s) {
        return switch (s.trim()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> null;
            default -> throw new QueryException(field, "'" + s + "' is not one of null, true, false");
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(String field, Class<?> type, String s) {
        try {
            return Enum.valueOf((Class<Enum>) type, s);
        } catch (IllegalArgumentException e) {
            throw new QueryException(field, "'" + s + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static QueryException wrongType(String field, Class<?> type, String value) {
        return new QueryException(field, "'" + value + "' is not " + describe(type));
    }

    /** What a value of this type looks like, for messages about query values and body fields alike. */
    public static String describe(Class<?> type) {
        if (type == null) {
            return "value of another type";
        }
        return switch (type.getSimpleName()) {
            case "Long", "Integer", "long", "int" -> "an integer";
            case "Instant" -> "an ISO-8601 instant with offset, to the microsecond at most, " + RANGE
                    + ", e.g. 2026-01-01T09:00:00Z";
            case "LocalDate" -> "a date, YYYY-MM-DD, " + RANGE;
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "a string";
            default -> type.isEnum() ? "one of " + Arrays.toString(type.getEnumConstants()) : "a " + type.getSimpleName();
        };
    }
}
