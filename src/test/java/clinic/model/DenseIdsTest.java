package clinic.model;

import clinic.doctor.Doctor;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ids as a Sequelize user expects from a fresh database, 1, 2, 3: a sequence value is the low end of a block. */
@QuarkusTest
class DenseIdsTest {

    @Inject
    EntityManager em;

    @Test
    @TestTransaction
    void shouldDrawIdsUpwardFromTheSequenceValue() {
        String tag = TestData.tag();
        List<Long> ids = new ArrayList<>();
        for (String name : List.of("Dr. Ada", "Dr. Ben", "Dr. Cy")) {
            ids.add(TestData.doctor(tag, name).id);
        }
        long low = ((Number) em.createNativeQuery("SELECT last_value FROM doctors_seq").getSingleResult()).longValue();
        // pooled-lo: the last id drawn is in the block at or above the value drawn (pooled would put it below); the
        // earlier ones may end the block before, when the three straddle a boundary
        long last = ids.get(2);
        assertTrue(last >= low && last < low + 50, ids + ": the last in the block starting at " + low);
        assertEquals(List.of(ids.get(0), ids.get(0) + 1, ids.get(0) + 2), ids);
        assertTrue(Doctor.findByPk(ids.get(2)).isPresent());
    }
}
