package clinic.model;

import clinic.doctor.Doctor;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static clinic.model.SaveFields.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Sequelize's {@code row.save({fields})}: those attributes only, validated, hooks fired; the rest stays unsaved. */
@QuarkusTest
@TestTransaction
class SaveFieldsTest {

    @Test
    void shouldWriteOnlyTheNamedFieldsAndKeepTheOthersUnsaved() {
        Doctor d = TestData.doctor(TestData.tag(), "Ada");
        d.phone = "+1 555 0199";
        d.specialty = "Neurology";
        d.save(fields("phone"));

        assertEquals("Neurology", d.specialty, "still set in memory");
        assertEquals(Set.of("specialty"), d.changed());
        assertEquals("Cardiology", d.previous("specialty"));
        // a native query flushes the whole session first: the held change must not go with it
        assertEquals(List.of(Map.of("phone", "+1 555 0199", "specialty", "Cardiology")), stored(d));

        d.save();
        assertEquals(List.of(Map.of("phone", "+1 555 0199", "specialty", "Neurology")), stored(d));
        assertEquals(Set.of(), d.changed());
        assertEquals(2, d.version);
    }

    @Test
    void shouldValidateOnlyTheNamedFieldsAndFireTheHooks() {
        Doctor d = TestData.doctor(TestData.tag(), "Ada");
        List<Hook> fired = new ArrayList<>();
        Consumer<Doctor> beforeSave = row -> fired.add(Hook.beforeSave);
        Consumer<Doctor> afterUpdate = row -> fired.add(Hook.afterUpdate);
        Hooks.addHook(Doctor.class, Hook.beforeSave, beforeSave);
        Hooks.addHook(Doctor.class, Hook.afterUpdate, afterUpdate);
        try {
            d.name = "x".repeat(300);
            d.phone = "+1 555 0142";
            d.save(fields("phone"));
            assertEquals(List.of(Hook.beforeSave, Hook.afterUpdate), fired);
            assertEquals(List.of(Map.of("phone", "+1 555 0142", "specialty", "Cardiology")), stored(d));
            assertThrows(ConstraintViolationException.class, () -> d.save(fields("name")));
            assertEquals("x".repeat(300), d.name, "a refused save keeps the change in memory");
        } finally {
            Hooks.removeHook(Doctor.class, Hook.beforeSave, beforeSave);
            Hooks.removeHook(Doctor.class, Hook.afterUpdate, afterUpdate);
        }
    }

    @Test
    void shouldRefuseUnknownFieldsAndNewRows() {
        Doctor d = TestData.doctor(TestData.tag(), "Ada");
        assertThrows(QueryException.class, () -> d.save(fields("nope")));
        assertThrows(QueryException.class, () -> new Doctor().save(fields("name")));
    }

    private static List<Map<String, Object>> stored(Doctor d) {
        return Sequelize.query("select phone, specialty from doctors where id = :id", Map.of("id", d.id));
    }
}
