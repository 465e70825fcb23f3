package clinic.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hostile JSON bodies: a plausible row with fields swapped for wrong types, huge or odd values and extra fields;
 * or not an object at all: arrays, scalars, nesting thousands deep, broken JSON, bytes that are not UTF-8.
 */
final class HostileInputBodies {

    /** At most 64 KiB, so the body is read (the limit itself is LimitsTest's). */
    static final int MAX_BODY = 64 * 1024;
    private static final Instant YEAR_2100 = Instant.parse("2100-01-01T09:00:00Z");

    private static final List<String> JSON_VALUES = List.of("null", "true", "false", "0", "-0", "-1", "1.5", "1e400",
            "-1e400", "1E-400", "9223372036854775808", "-9223372036854775809", "2147483648", "NaN", "Infinity",
            "[]", "[1,2]", "[\"a\"]", "{}", "{\"a\":1}", "{\"$gt\":\"\"}", "\"\"", "\" \"", "\"\\u0000\"",
            "\"a\\u0000b\"", "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\u202Eevil\"", "\"\\uD83D\\uDE00\"", "\"ß\"",
            "\"İ\"", "\"'; DROP TABLE doctors;--\"", "\"1 OR 1=1\"", "\"%\"", "\"booked\"", "\"BOOKED\"",
            "\"2026-01-01T00:00:00Z\"", "\"+999999999-12-31T23:59:59Z\"", "\"-999999999-01-01T00:00:00Z\"",
            "\"+1000000000-12-31T23:59:59.999999999Z\"", "\"0000-01-01\"", "\"9999-12-31\"", "\"-4714-01-01\"",
            "\"294277-01-01T00:00:00Z\"", "\"2026-02-30\"", "\"2026-01-01\"", "\"+99999-01-01\"", "\"x@y.z\"",
            "\"a@b\"", "1.0", "30", "480", "481", "4", "5", "\"30\"", "0.1e1", "1e2", "-2147483649",
            "1700000000", "1700000000.5", "[2026,1,1]", "[2026,1,1,9,0]", "\"2030-06-30T23:59:60Z\"",
            "\"2030-01-07T09:00:00.123456789Z\"", "\"2030-01-07T09:00:00\"", "\"1984-03-01T10:00:00Z\"",
            "\"1984-03-01T23:30:00-05:00\"", "\"9999-12-31T23:50:00Z\"", "\"+1984-03-01\"", "\"\u00a0\u200b\"",
            "\"\uD83D\uDE00\"");
    private static final List<String> EXTRA_FIELDS = List.of("nmae", "__proto__", "constructor", "id", "createdAt",
            "updatedAt", "deletedAt", "version", "endsAt", "doctor", "patient", "appointments", "password",
            "name\u0000", "", "\uD83D\uDE00", "class", "@type");
    private static final List<String> SHAPES = List.of("", " ", "[]", "[{}]", "null", "\"x\"", "1", "true", "{",
            "}", "{\"name\":", "{'name':'x'}", "{name:\"x\"}", "\uFEFF{}", "{\"name\":\"a\",\"name\":\"b\"}",
            "/*x*/{}", "{\"durationMinutes\":NaN}", "{} {}", "{}garbage", "{\"a\":1,}", "[1,]", "\"\\u0000\"",
            "{\"name\":\"\u0000\"}", "{\"name\":\"a\\x00\"}", "{\"name\":\"\\uZZZZ\"}");

    private HostileInputBodies() {
    }

    static byte[] body(Random random, String resource, Map<String, Long> ids) {
        return switch (random.nextInt(12)) {
            case 0 -> bytes(SHAPES.get(random.nextInt(SHAPES.size())));
            case 1 -> bytes(nested(random));
            case 2 -> bytes(huge(random, resource));
            case 3 -> notUtf8(random, object(validRow(random, resource, ids)));
            default -> bytes(mutated(random, resource, ids));
        };
    }

    /** A row that would be valid, then one to three fields replaced, added or removed. */
    private static String mutated(Random random, String resource, Map<String, Long> ids) {
        Map<String, String> row = validRow(random, resource, ids);
        List<String> fields = new ArrayList<>(row.keySet());
        for (int i = random.nextInt(3); i >= 0; i--) {
            String field = fields.get(random.nextInt(fields.size()));
            switch (random.nextInt(6)) {
                case 0 -> row.remove(field);
                case 1 -> row.put(EXTRA_FIELDS.get(random.nextInt(EXTRA_FIELDS.size())), value(random));
                case 2 -> row.put(field, "\"" + escape(unicode(random)) + "\"");
                case 3 -> row.put(field, "9".repeat(1 + random.nextInt(20_000)));
                default -> row.put(field, value(random));
            }
        }
        return object(row);
    }

    private static Map<String, String> validRow(Random random, String resource, Map<String, Long> ids) {
        Map<String, String> row = new LinkedHashMap<>();
        if (resource.equals("appointments")) {
            row.put("date", "\"" + YEAR_2100.plus(Duration.ofDays(random.nextInt(300_000))) + "\"");
            row.put("doctorId", String.valueOf(ids.get("doctors")));
            row.put("patientId", String.valueOf(ids.get("patients")));
            row.put("durationMinutes", "30");
            row.put("status", "\"booked\"");
            row.put("reason", "\"Check-up\"");
            return row;
        }
        row.put("name", "\"Hostile Test\"");
        row.put("email", "\"hostile-" + Long.toHexString(random.nextLong()) + "@clinic.test\"");
        row.put("phone", "\"+1 555 0100\"");
        row.put(resource.equals("doctors") ? "specialty" : "birthDate",
                resource.equals("doctors") ? "\"Cardiology\"" : "\"1984-03-01\"");
        return row;
    }

    private static String value(Random random) {
        return JSON_VALUES.get(random.nextInt(JSON_VALUES.size()));
    }

    /** Objects or arrays nested around the nesting limits, alone or as a field's value. */
    private static String nested(Random random) {
        int depth = List.of(999, 1000, 1001, 5000, 20_000).get(random.nextInt(5));
        boolean arrays = random.nextBoolean();
        String open = arrays ? "[" : "{\"name\":";
        String deep = open.repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth);
        return random.nextBoolean() ? deep : "{\"name\":" + deep + "}";
    }

    /** One string field filling the body to exactly the limit, in one- or two-byte characters. */
    private static String huge(Random random, String resource) {
        String field = resource.equals("appointments") ? "reason" : random.nextBoolean() ? "name" : "email";
        String head = "{\"" + field + "\":\"";
        String unit = random.nextBoolean() ? "x" : "é";
        int room = MAX_BODY - head.length() - 2 - random.nextInt(3);
        return head + unit.repeat(room / unit.getBytes(StandardCharsets.UTF_8).length) + "\"}";
    }

    /** Invalid UTF-8 (a lone 0xFF, an overlong slash, a cut sequence) spliced into a row. */
    private static byte[] notUtf8(Random random, String json) {
        byte[] text = bytes(json);
        byte[][] bad = {{(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE2, (byte) 0x82}, {0}};
        byte[] insert = bad[random.nextInt(bad.length)];
        int at = 1 + random.nextInt(text.length - 1);
        byte[] out = new byte[text.length + insert.length];
        System.arraycopy(text, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(text, at, out, at + insert.length, text.length - at);
        return out;
    }

    private static String unicode(Random random) {
        return new HostileInputCases(random, Map.of()).unicode(1 + random.nextInt(60));
    }

    private static String object(Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((k, v) -> json.append(json.length() == 1 ? "" : ",").append('"').append(escape(k))
                .append("\":").append(v));
        return json.append('}').toString();
    }

    /** JSON string escaping that keeps lone surrogates and NUL as \\u escapes. */
    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
