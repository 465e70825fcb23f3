package clinic.web.json;

import clinic.model.Values;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * JSON types are taken as written: 30.5 is not silently cut to 30, and "30" or 123 are not converted. Instants and
 * dates are strings read by the query string's own parser ({@link Values#instant}, {@link Values#date}): a number
 * is not taken as epoch seconds, a leap second is not moved, a date-time is not cut to a date, and nothing outside
 * years 0001–9999 or finer than PostgreSQL's microseconds gets in.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("clinic-time-readers").setDeserializerModifier(new TimeReaders()));
    }

    /** Replaces whatever reads an Instant or a LocalDate (jsr310's, whichever module registered it). */
    static final class TimeReaders extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                      JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            return type == Instant.class || type == LocalDate.class ? new TimeReader(type) : deserializer;
        }
    }

    /** A JSON string, parsed as {@link Values} parses query values; any other token is the wrong type. */
    static final class TimeReader extends StdScalarDeserializer<Object> {

        TimeReader(Class<?> type) {
            super(type);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            String text = p.getText();
            try {
                return handledType() == Instant.class ? Values.instant(text) : Values.date(text);
            } catch (DateTimeException e) {
                throw InvalidFormatException.from(p, "not " + Values.describe(handledType()), text, handledType());
            }
        }
    }
}
