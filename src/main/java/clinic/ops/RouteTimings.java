package clinic.ops;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Latency buckets on the HTTP timings, so a dashboard can draw p50/p99 per route and the share within an SLO; a
 * dozen fixed buckets rather than Micrometer's ~70-bucket histogram keep each route's series small.
 */
public class RouteTimings {

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    @Produces
    @Singleton
    MeterFilter buckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(HTTP_SERVER_REQUESTS)) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(millis(5), millis(10), millis(25), millis(50), millis(100),
                                millis(250), millis(500), millis(1000), millis(2500), millis(5000))
                        .build().merge(config);
            }
        };
    }

    private static double millis(long ms) {
        return Duration.ofMillis(ms).toNanos();
    }
}
