package clinic.model;

import clinic.appointment.Appointment;
import clinic.doctor.Doctor;
import clinic.patient.Patient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static clinic.Api.given;
import static clinic.Fixtures.doctor;
import static clinic.Fixtures.email;
import static clinic.Fixtures.json;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Text rules over Unicode: every length limit of every model counts code points (as PostgreSQL's varchar does), for
 * one- and two-unit characters alike, and a name of nothing but white-space or format characters, any of them, is
 * blank.
 */
@QuarkusTest
class TextRulesTest {

    /** One UTF-16 unit, two UTF-8 bytes, an astral emoji (two units), a letter with a combining mark (two points). */
    private static final List<String> CHARACTERS = List.of("a", "é", "\uD83D\uDE00", "e\u0301");

    @Inject
    Validator validator;

    @Test
    void shouldCountEveryLengthLimitInCodePoints() {
        List<String> failures = new ArrayList<>();
        int limits = 0;
        for (Class<? extends Model> type : List.of(Doctor.class, Patient.class, Appointment.class)) {
            for (var attribute : ModelInfo.of(type).attributes().entrySet()) {
                Integer max = maxLength(type, attribute.getKey());
                // an email's own limits (a local part of at most 64 characters) come before its length
                if (max == null || attribute.getKey().equals("email")) {
                    continue;
                }
                limits++;
                for (String c : CHARACTERS) {
                    String fits = text(c, max);
                    String over = text(c, max + 1);
                    if (!errors(type, attribute.getKey(), fits).isEmpty()) {
                        failures.add(type.getSimpleName() + "." + attribute.getKey() + " refuses " + max + " × " + c);
                    }
                    if (errors(type, attribute.getKey(), over).isEmpty()) {
                        failures.add(type.getSimpleName() + "." + attribute.getKey() + " takes " + (max + 1)
                                + " × " + c);
                    }
                }
            }
        }
        assertTrue(limits >= 6, limits + " limits");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(Set.of("must be 1–255 characters, not blank"), errors(Doctor.class, "name", "x".repeat(256)));
    }

    @Test
    void shouldTreatANameOfOnlyWhiteSpaceOrFormatCharactersAsBlank() {
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            boolean space = Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
            if (space || Character.getType(cp) == Character.FORMAT) {
                tried++;
                String name = Character.toString(cp).repeat(3);
                if (!errors(Doctor.class, "name", name).equals(Set.of("must be 1–255 characters, not blank"))) {
                    failures.add(String.format("U+%04X", cp));
                }
            }
        }
        assertTrue(tried > 150, tried + " characters");
        assertTrue(failures.isEmpty(), "not blank: " + failures);
        assertEquals(Set.of(), errors(Doctor.class, "name", "\u00A0Ann\u200B Smith\uFEFF"));
    }

    @Test
    void shouldStoreAndAnswer255EmojiAsA255CharacterName() {
        Map<String, Object> body = doctor(email("emoji"));
        body.put("name", "\uD83D\uDE00".repeat(255));
        int id = json(body).post("/doctors").then().statusCode(201).extract().path("id");
        given().get("/doctors/" + id).then().statusCode(200).body("name", equalTo("\uD83D\uDE00".repeat(255)));
        body.put("name", "\uD83D\uDE00".repeat(256));
        json(body).post("/doctors").then().statusCode(400).body("errors[0].message",
                equalTo("must be 1–255 characters, not blank"));
    }

    /** The messages of the violations on one attribute, after beforeValidate, with the rest of the row valid. */
    private Set<String> errors(Class<? extends Model> type, String field, String value) {
        Model row = row(type);
        ModelInfo.of(type).write(row, field, value);
        row.beforeValidate();
        Set<String> messages = new HashSet<>();
        for (ConstraintViolation<Model> v : validator.validate(row)) {
            if (v.getPropertyPath().toString().equals(field)) {
                messages.add(v.getMessage());
            }
        }
        return messages;
    }

    private static Model row(Class<? extends Model> type) {
        if (type == Appointment.class) {
            Appointment a = new Appointment();
            a.date = Instant.parse("2030-01-07T09:00:00Z");
            a.doctorId = 1L;
            a.patientId = 1L;
            return a;
        }
        Person p = type == Doctor.class ? new Doctor() : new Patient();
        p.name = "Ann";
        p.email = "ann@text.test";
        return p;
    }

    /** {@code n} code points of {@code c} (a letter with its mark counts two). */
    private static String text(String c, int n) {
        int each = c.codePointCount(0, c.length());
        return c.repeat(n / each) + "a".repeat(n % each);
    }

    /** The largest length any constraint on the attribute allows, whichever constraint says it. */
    private Integer maxLength(Class<?> type, String field) {
        var property = validator.getConstraintsForClass(type).getConstraintsForProperty(field);
        if (property == null) {
            return null;
        }
        return property.getConstraintDescriptors().stream().map(d -> d.getAttributes().get("max"))
                .filter(m -> m instanceof Integer).map(m -> (Integer) m).findFirst().orElse(null);
    }
}
