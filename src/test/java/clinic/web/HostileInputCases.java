package clinic.web;

import clinic.Fixtures;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Hostile requests drawn from a seeded {@link Random}: list and row query strings, and JSON bodies for POST, PATCH
 * and PUT. No input contains what {@link Fixtures#LEAK} looks for, so leak-like text in an answer is the server's.
 */
final class HostileInputCases {

    /** A request to send as it is, and what to print when its answer fails a check. */
    record Request(String method, String target, String contentType, Map<String, String> headers, byte[] body) {

        String describe() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return method + " " + abbreviate(target) + (headers.isEmpty() ? "" : " " + headers)
                    + (body == null ? "" : " " + abbreviate(text));
        }
    }

    static final List<String> RESOURCES = List.of("doctors", "patients", "appointments");
    private static final Map<String, List<String>> FIELDS = Map.of(
            "doctors", List.of("id", "name", "email", "specialty", "phone", "createdAt", "deletedAt", "version"),
            "patients", List.of("id", "name", "email", "phone", "birthDate", "updatedAt", "deletedAt", "version"),
            "appointments", List.of("id", "date", "endsAt", "durationMinutes", "status", "reason", "doctorId",
                    "patientId", "deletedAt", "version"));
    private static final Map<String, List<String>> ASSOCIATIONS = Map.of("doctors", List.of("appointments",
            "patients"), "patients", List.of("appointments", "doctors"), "appointments", List.of("doctor", "patient"));
    private static final List<String> OPS = List.of("eq", "ne", "gt", "gte", "lt", "lte", "between", "notBetween",
            "in", "notIn", "like", "notLike", "iLike", "notILike", "startsWith", "endsWith", "substring", "is", "not",
            "regex", "$gt", "or", "and", "EQ", "eq;", "", "raw", "col", "__proto__");
    private static final List<String> FIELD_ATTACKS = List.of("name'--", "1=1", "id) or (1=1", "\"name\"", "m.name",
            "name\u0000", "__proto__", "constructor", "doctor.name", "id;", " ", "naïve", "\uD83D\uDCA5", "{name}",
            "%", "name%00", "NAME", "id::text");
    private static final List<String> OR_INDEXES = List.of("0", "1", "9", "99", "100", "99999999999",
            "99999999999999999999999", "-1", "a", "", "٣", "0x1");
    static final List<String> VALUES = List.of("'; DROP TABLE doctors;--", "1 OR 1=1", "' or ''='", "1; --",
            "%", "_", "%_%", "\\", "\\%", "\u0000", "a\u0000b", "\uD83D\uDE00", "\u202Eevil", "ß", "İ",
            "\uD835\uDD18\uD835\uDD2B\uD835\uDD26", "\uD800", "NaN", "Infinity", "-Infinity", "-1", "0", "-0", "1",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "2147483648", "1e400", "1E-400",
            "0x10", "null", "true", "false", "", ",", ",,,", "{}", "{id}", "{", "}", "[", "]", "[]",
            "2026-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "0000-01-01",
            "2026-02-30", "9999-12-31", "294277-01-01T00:00:00Z", "-4714-01-01T00:00:00Z", "1970-01-01",
            "booked", "cancelled", "BOOKED", "a,b", "1,2,3", "2026-01-01,2027-01-01", "   ", "\t", "x".repeat(1000));

    private final Random random;
    private final Map<String, Long> ids;

    /** {@code ids}: one row per resource, for reads by id, association reads and PATCH/PUT. */
    HostileInputCases(Random random, Map<String, Long> ids) {
        this.random = random;
        this.ids = ids;
    }

    /** quarkus.http.limits.max-initial-line-length, less the method and the protocol. */
    private static final int MAX_REQUEST_LINE = 16384 - 32;

    Request query() {
        String resource = pick(RESOURCES);
        String model = resource;
        String path = "/" + resource;
        int kind = random.nextInt(10);
        if (kind < 2) {
            path += "/" + id(resource);
        } else if (kind < 4 && !resource.equals("appointments")) {
            model = pick(ASSOCIATIONS.get(resource));
            path += "/" + id(resource) + "/" + model;
        }
        StringBuilder query = new StringBuilder();
        for (int i = random.nextInt(7); i > 0; i--) {
            String next = parameter(model);
            // past 16 KiB the HTTP server itself answers a bare 414 before the service runs (documented in OpenAPI)
            if (path.length() + query.length() + next.length() + 2 < MAX_REQUEST_LINE) {
                query.append(query.length() == 0 ? "" : "&").append(next);
            }
        }
        return new Request("GET", path + (query.length() == 0 ? "" : "?" + query), null, headers(), null);
    }

    /** Sometimes an Accept JSON cannot satisfy (406) or one it can; sometimes a conditional header, well-formed or not. */
    private Map<String, String> headers() {
        Map<String, String> headers = new TreeMap<>();
        int accept = random.nextInt(8);
        if (accept >= 6) {
            headers.put("Accept", pick(accept == 6 ? AcceptTest.REFUSED : AcceptTest.ACCEPTED));
        }
        if (random.nextInt(4) == 0) {
            headers.put(pick(List.of("If-Match", "If-None-Match")), pick(TAGS));
        }
        return headers;
    }

    private static final List<String> TAGS = List.of("*", "\"0\"", "W/\"0\"", "0", "\"0", "W/*", "\"\"", ",", "\"a\", W/\"b\"",
            "\"" + "9".repeat(40) + "\"", "W/", "\u00e9", "\"0\" \"1\"", "*, \"0\"");

    Request write() {
        String resource = pick(RESOURCES);
        String method = pick(List.of("POST", "PATCH", "PUT"));
        String target = "/" + resource + (method.equals("POST") ? "" : "/" + id(resource));
        String contentType = random.nextInt(25) == 0 ? pick(List.of("text/plain", "application/xml",
                "application/json; charset=UTF-16", "application/x-www-form-urlencoded")) : "application/json";
        return new Request(method, target, contentType, headers(), HostileInputBodies.body(random, resource, ids));
    }

    private String parameter(String model) {
        int kind = random.nextInt(15);
        if (kind < 6) {
            return encode(whereKey(model)) + "=" + encode(kind == 0 ? values(3) : value());
        }
        return switch (kind) {
            case 6 -> "include=" + encode(includes());
            case 7 -> "order=" + encode(pick(FIELDS.get(model)) + pick(List.of("", ":desc", ":up", ",-id")) + ","
                    + value());
            case 8 -> pick(List.of("limit=", "offset=")) + encode(value());
            case 9 -> "attributes=" + encode(pick(FIELDS.get(model)) + "," + pick(FIELD_ATTACKS));
            case 10 -> "paranoid=" + encode(value());
            case 11 -> encode(value()) + "=" + encode(value());
            case 12 -> pick(RAW);
            default -> escapes(model);
        };
    }

    /** Unencoded fragments: unbalanced brackets, bad escapes, templates, repeated keys, huge indexes. */
    private static final List<String> RAW = List.of("where[name", "where]]=1", "where[[name]]=x", "%", "%zz", "%C0%AF",
            "%FF=%FE", "where[name][eq]=%", "=", "&&", "where[or][99999999999][name]=x", "where[name]=a&where[name]=b",
            "where[or][-1][name]=x", "where%00=1", "{id}=1", "where[{name}]=x", "include=%7B%7D", "limit=1&limit=2",
            "where[name][eq]=%E2%82", "where[id][in]=" + "1,".repeat(2000) + "1", "order={id}", "where={}",
            "where[name]={x}", "a=%25%7B", "where[name][eq]=%2500", "where=1", "where[]=1", "where[or]=1",
            "where[or][0]=1", "where[or][0][name][eq][x]=1", "where[name][eq]=[", "include=appointments...patient",
            "include=" + "appointments.patient.".repeat(6) + "doctors", "where[name][like]=" + "%25".repeat(500));

    /** A malformed escape or a raw character a URI may not hold, in a key or a value, unencoded. */
    private String escapes(String model) {
        String bad = pick(PercentEscapesTest.MALFORMED).replace("#", "%23");
        return random.nextBoolean() ? encode(whereKey(model)) + "=" + encode(value()) + bad + encode(value())
                : "where[" + bad + "]=" + encode(value());
    }

    private String whereKey(String model) {
        String field = random.nextInt(4) == 0 ? pick(FIELD_ATTACKS) : pick(FIELDS.get(model));
        String op = random.nextInt(3) == 0 ? "" : "[" + pick(OPS) + "]";
        String prefix = random.nextInt(4) == 0 ? "where[or][" + pick(OR_INDEXES) + "]" : "where";
        return prefix + "[" + field + "]" + op + (random.nextInt(10) == 0 ? "[]" : "");
    }

    private String includes() {
        StringBuilder path = new StringBuilder();
        for (int i = random.nextInt(6); i >= 0; i--) {
            String any = pick(List.of("appointments", "patients", "doctors", "doctor", "patient", "nope", ""));
            path.append(path.length() == 0 ? "" : pick(List.of(".", ",", "..", " , "))).append(any);
        }
        return path.toString();
    }

    private String value() {
        return switch (random.nextInt(12)) {
            case 0 -> "9".repeat(1 + random.nextInt(6000));
            case 1 -> unicode(1 + random.nextInt(40));
            default -> pick(VALUES);
        };
    }

    private String values(int max) {
        StringBuilder list = new StringBuilder(value());
        for (int i = random.nextInt(max); i > 0; i--) {
            list.append(',').append(value());
        }
        return list.toString();
    }

    /** Random code points from every plane, NUL and controls included; lone surrogates too. */
    String unicode(int length) {
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            int cp = switch (random.nextInt(5)) {
                case 0 -> random.nextInt(0x20);
                case 1 -> 0x20 + random.nextInt(0x60);
                case 2 -> random.nextInt(0xD800);
                case 3 -> 0x10000 + random.nextInt(0x100000);
                default -> 0xD800 + random.nextInt(0x800);
            };
            s.appendCodePoint(cp);
        }
        String text = s.toString();
        return Fixtures.LEAK.matcher(text).find() ? "x" : text;
    }

    private String id(String resource) {
        if (random.nextInt(12) == 0) {
            return ids.get(resource) + pick(PercentEscapesTest.MALFORMED).replace("#", "%23");
        }
        return random.nextInt(6) > 0 ? String.valueOf(ids.get(resource)) : encode(pick(List.of("-1", "0", "NaN",
                "9223372036854775808", "99999999999999999999", "1e3", "\u0000", "1%00", "١", "1.0", "+1", " 1",
                "{id}", "..", "%2e", "0x1", "-9223372036854775808", "9223372036854775807")));
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…(" + s.length() + " chars)";
    }
}
