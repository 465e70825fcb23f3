package clinic.web.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes instants and dates exactly as {@code Instant.toString} and {@code LocalDate.toString} do, without
 * {@code DateTimeFormatter}: formatting them was a quarter of the agenda page's CPU (bench/RESULTS.md).
 */
@Singleton
public class TimeJson implements ObjectMapperCustomizer {

    private static final long YEAR_0 = -62_167_219_200L;
    private static final long YEAR_10000 = 253_402_300_800L;

    @Override
    public void customize(ObjectMapper mapper) {
        // a modifier, not addSerializer: it replaces jsr310's writers whichever module is registered last
        mapper.registerModule(new SimpleModule("clinic-time-writers").setSerializerModifier(new Writers()));
    }

    static final class Writers extends BeanSerializerModifier {

        @Override
        public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription description,
                                                  JsonSerializer<?> serializer) {
            Class<?> type = description.getBeanClass();
            return type == Instant.class ? new InstantWriter()
                    : type == LocalDate.class ? new DateWriter() : serializer;
        }
    }

    /** {@code 2026-01-05T08:00:00Z}, with .SSS, .SSSSSS or .SSSSSSSSS when there are fractions of a second. */
    static int format(Instant t, char[] c) {
        if (t.getEpochSecond() < YEAR_0 || t.getEpochSecond() >= YEAR_10000) {
            return -1;
        }
        long day = Math.floorDiv(t.getEpochSecond(), 86_400);
        int second = (int) Math.floorMod(t.getEpochSecond(), 86_400);
        int n = date(LocalDate.ofEpochDay(day), c);
        c[n++] = 'T';
        n = digits(c, n, second / 3600, 2);
        c[n++] = ':';
        n = digits(c, n, second / 60 % 60, 2);
        c[n++] = ':';
        n = digits(c, n, second % 60, 2);
        int nano = t.getNano();
        if (nano > 0) {
            c[n++] = '.';
            n = nano % 1_000_000 == 0 ? digits(c, n, nano / 1_000_000, 3)
                    : nano % 1000 == 0 ? digits(c, n, nano / 1000, 6) : digits(c, n, nano, 9);
        }
        c[n++] = 'Z';
        return n;
    }

    /** {@code yyyy-MM-dd} for years 0000–9999; -1 for others (as {@code format}): the JDK's own text is written. */
    static int date(LocalDate d, char[] c) {
        if (d.getYear() < 0 || d.getYear() > 9999) {
            return -1;
        }
        int n = digits(c, 0, d.getYear(), 4);
        c[n++] = '-';
        n = digits(c, n, d.getMonthValue(), 2);
        c[n++] = '-';
        return digits(c, n, d.getDayOfMonth(), 2);
    }

    private static int digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }

    /** Writes the formatted text, or the JDK's own when {@code format} gives -1 (years outside 0000–9999). */
    abstract static class Writer<T> extends StdSerializer<T> {

        Writer(Class<T> type) {
            super(type);
        }

        abstract int format(T value, char[] c);

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            char[] c = new char[32];
            int n = format(value, c);
            if (n < 0) {
                gen.writeString(value.toString());
            } else {
                gen.writeString(c, 0, n);
            }
        }
    }

    static final class InstantWriter extends Writer<Instant> {

        InstantWriter() {
            super(Instant.class);
        }

        @Override
        int format(Instant value, char[] c) {
            return TimeJson.format(value, c);
        }
    }

    static final class DateWriter extends Writer<LocalDate> {

        DateWriter() {
            super(LocalDate.class);
        }

        @Override
        int format(LocalDate value, char[] c) {
            return date(value, c);
        }
    }
}
