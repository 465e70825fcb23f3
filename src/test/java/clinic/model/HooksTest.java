package clinic.model;

import clinic.doctor.Doctor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static clinic.model.Where.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Hooks fire on every write path, in Sequelize's order; one that throws aborts the write and its transaction. */
@QuarkusTest
class HooksTest {

    private final List<String> fired = new ArrayList<>();

    private void listen(Runnable body, Hook... hooks) {
        List<Consumer<Object>> added = new ArrayList<>();
        for (Hook h : hooks) {
            Consumer<Object> fn = arg -> fired.add(h.name());
            Hooks.addHook(Doctor.class, h, fn);
            added.add(fn);
        }
        try {
            body.run();
        } finally {
            for (int i = 0; i < hooks.length; i++) {
                Hooks.removeHook(Doctor.class, hooks[i], added.get(i));
            }
        }
    }

    @Test
    @TestTransaction
    void shouldFireTheCreateAndUpdateHooksInOrder() {
        listen(() -> {
            Doctor d = TestData.doctor(TestData.tag(), "Ada");
            d.phone = "+1 555 0100";
            d.save();
        }, Hook.values());
        assertEquals(List.of("beforeValidate", "afterValidate", "beforeSave", "beforeCreate", "afterCreate",
                "afterSave", "beforeValidate", "afterValidate", "beforeSave", "beforeUpdate", "afterUpdate",
                "afterSave"), fired);
    }

    @Test
    @TestTransaction
    void shouldFireBulkAndPerRowHooksOnBulkWrites() {
        Doctor d = TestData.doctor(TestData.tag(), "Ada");
        listen(() -> {
            Doctor.update(Map.of("phone", "+1 555 0101"), where("id", d.id));
            Doctor.destroy(where("id", d.id), false);
            Doctor.restore(where("id", d.id));
        }, Hook.beforeBulkUpdate, Hook.afterBulkUpdate, Hook.beforeUpdate, Hook.beforeBulkDestroy,
                Hook.afterBulkDestroy, Hook.beforeDestroy, Hook.afterDestroy, Hook.beforeBulkRestore,
                Hook.afterBulkRestore, Hook.beforeRestore, Hook.afterRestore);
        assertEquals(List.of("beforeBulkUpdate", "beforeUpdate", "afterBulkUpdate", "beforeBulkDestroy",
                "beforeDestroy", "afterDestroy", "afterBulkDestroy", "beforeBulkRestore", "beforeRestore",
                "afterRestore", "afterBulkRestore"), fired);
    }

    @Test
    void shouldAbortTheWriteAndItsTransactionWhenAHookThrows() {
        String tag = TestData.tag();
        Consumer<Object> refuse = row -> {
            throw new IllegalStateException("refused by a hook");
        };
        Hooks.addHook(Doctor.class, Hook.afterCreate, refuse);
        try {
            assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                    TestData.doctor(tag, "Ada")));
        } finally {
            Hooks.removeHook(Doctor.class, Hook.afterCreate, refuse);
        }
        assertEquals(0, QuarkusTransaction.requiringNew().call(() ->
                Doctor.count(where("email", Where.endsWith("." + tag + "@model.test")))));
    }
}
