package clinic.web.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The service's JSON writes instants and dates character for character as the JDK's toString does. */
@QuarkusTest
class TimeJsonTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void shouldWriteInstantsAsInstantToString() throws Exception {
        assertInstanceOf(TimeJson.InstantWriter.class,
                mapper.getSerializerProviderInstance().findValueSerializer(Instant.class));
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.999Z"),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("0001-01-01T00:00:00.000001Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-06-30T12:00:00Z"), Instant.parse("2024-02-29T09:30:00.120Z"),
                Instant.parse("2026-01-05T08:00:00.000000100Z"), Instant.MIN, Instant.MAX));
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            long second = random.nextLong(-62_167_219_200L, 253_402_300_800L);  // years 0000 to 9999
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(second, nano));
        }
        for (Instant t : instants) {
            assertEquals("\"" + t + "\"", mapper.writeValueAsString(t));
        }
    }

    @Test
    void shouldWriteDatesAsLocalDateToString() throws Exception {
        assertInstanceOf(TimeJson.DateWriter.class,
                mapper.getSerializerProviderInstance().findValueSerializer(LocalDate.class));
        for (long day = LocalDate.parse("-0002-01-01").toEpochDay(); day < LocalDate.parse("+10001-01-01").toEpochDay();
             day += 7) {
            LocalDate d = LocalDate.ofEpochDay(day);
            assertEquals("\"" + d + "\"", mapper.writeValueAsString(d));
        }
    }
}
