package clinic.db;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Zero-setup PostgreSQL: in dev and test, with no datasource URL configured, the URL points at an embedded
 * PostgreSQL that starts on first use. Its low ordinal means any configured URL wins and it never starts.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String URL = "quarkus.datasource.jdbc.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        String profile = profiles.contains("test") ? "test" : profiles.contains("dev") ? "dev" : null;
        ConfigValue configured = context.getValue(URL);
        if (profile == null || (configured != null && configured.getValue() != null)) {
            return List.of();
        }
        return List.of(new LazySource(profile));
    }

    /** Starts the server only when the URL is actually read. */
    private record LazySource(String profile) implements ConfigSource {
        @Override
        public Set<String> getPropertyNames() {
            return Set.of(URL, "quarkus.datasource.username", "quarkus.datasource.password");
        }

        @Override
        public String getValue(String name) {
            return switch (name) {
                case URL -> EmbeddedPostgresServer.jdbcUrl(profile);
                case "quarkus.datasource.username" -> EmbeddedPostgresServer.USER;
                case "quarkus.datasource.password" -> "";
                default -> null;
            };
        }

        @Override
        public String getName() {
            return "embedded-postgres";
        }

        @Override
        public int getOrdinal() {
            return 50;
        }

        @Override
        public Map<String, String> getProperties() {
            return Map.of();
        }
    }
}
