package clinic.web;

import clinic.model.Values;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * JSON types are taken as written: 30.5 is not silently cut to 30, and "30" or 123 are not converted. Instants and
 * dates outside years 0001–9999 are refused as such (an end past {@code Instant.MAX} was a 500, and years past
 * PostgreSQL's range too).
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
        mapper.registerModule(new SimpleModule("clinic-time-range").setDeserializerModifier(new InRangeModifier()));
    }

    /** Wraps whatever reads an Instant or a LocalDate (jsr310's, whichever module registered it). */
    static final class InRangeModifier extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                      JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            return type == Instant.class || type == LocalDate.class ? new InRange(deserializer) : deserializer;
        }
    }

    /** Reads as the wrapped deserializer does, then refuses values out of {@link Values#RANGE}. */
    static final class InRange extends DelegatingDeserializer {

        InRange(JsonDeserializer<?> time) {
            super(time);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> time) {
            return new InRange(time);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getText();
            Object value = _delegatee.deserialize(p, ctxt);
            if (value != null && !Values.inRange(value)) {
                throw InvalidFormatException.from(p, "out of range", text, handledType());
            }
            return value;
        }
    }
}
