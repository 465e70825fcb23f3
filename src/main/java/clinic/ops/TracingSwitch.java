package clinic.ops;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;
import java.util.Map;

/**
 * Traces leave only for a collector someone named: without {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT} (or its
 * traces-only variant) the OpenTelemetry SDK is off, where Quarkus alone would export to localhost:4317 and log every
 * failed attempt. The low ordinal lets {@code QUARKUS_OTEL_SDK_DISABLED} still decide.
 */
public class TracingSwitch implements ConfigSourceFactory {

    static final List<String> ENDPOINTS = List.of("quarkus.otel.exporter.otlp.endpoint",
            "quarkus.otel.exporter.otlp.traces.endpoint");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean named = ENDPOINTS.stream().map(context::getValue)
                .anyMatch(v -> v != null && v.getValue() != null && !v.getValue().isBlank());
        return named ? List.of()
                : List.of(new PropertiesConfigSource(Map.of("quarkus.otel.sdk.disabled", "true"), "clinic-tracing-off", 50));
    }
}
