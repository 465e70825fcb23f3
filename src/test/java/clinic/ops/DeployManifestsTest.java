package clinic.ops;

import clinic.security.RequiredSettings;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static clinic.Api.anonymous;
import static clinic.ops.Manifests.list;
import static clinic.ops.Manifests.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/kubernetes names only what the service has: every probe and scrape path answers, every port is the one it
 * listens on, every environment variable is a setting it reads, and the rollout fits its shutdown and its memory.
 */
@QuarkusTest
class DeployManifestsTest {

    private final Manifests manifests = Manifests.load(Path.of("deploy/kubernetes"));

    @Test
    void shouldProbeAndScrapePathsTheServiceAnswers() {
        Set<String> paths = new TreeSet<>();
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            paths.add((String) map(map(manifests.container("Deployment"), probe), "httpGet").get("path"));
        }
        paths.add((String) map(map(manifests.podSpecOwner("Deployment"), "metadata"), "annotations").get("prometheus.io/path"));
        assertEquals(4, paths.size(), "each probe and the scrape on a path of its own: " + paths);
        for (String path : paths) {
            anonymous().get(path).then().statusCode(200);
        }
    }

    @Test
    void shouldUseThePortTheServiceListensOn() {
        int port = jarPort();
        Map<String, Object> container = manifests.container("Deployment");
        Map<String, Object> http = map(list(container, "ports").get(0));
        assertEquals(List.of("http", port), List.of(http.get("name"), http.get("containerPort")));
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertEquals("http", map(map(container, probe), "httpGet").get("port"), probe);
        }
        assertEquals("http", map(list(map(manifests.kind("Service"), "spec"), "ports").get(0)).get("targetPort"));
        assertEquals(String.valueOf(port), map(map(manifests.podSpecOwner("Deployment"), "metadata"), "annotations")
                .get("prometheus.io/port"));
    }

    @Test
    void shouldSetOnlyVariablesTheServiceReads() {
        Set<String> read = StreamSupport.stream(ConfigProvider.getConfig().getPropertyNames().spliterator(), false)
                .map(name -> name.replaceFirst("^%[^.]+\\.", "")).collect(Collectors.toCollection(TreeSet::new));
        read.addAll(RequiredSettings.REQUIRED);
        Set<String> asEnvironment = read.stream().map(DeployManifestsTest::environmentName).collect(Collectors.toSet());
        for (String kind : List.of("Deployment", "Job")) {
            Map<String, String> env = manifests.environment(manifests.container(kind));
            Set<String> unknown = new TreeSet<>(env.keySet());
            unknown.removeAll(asEnvironment);
            assertEquals(Set.of(), unknown, kind + " sets variables that map to no setting of the service");
            Set<String> needed = new TreeSet<>(Set.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                    "QUARKUS_DATASOURCE_PASSWORD"));
            RequiredSettings.REQUIRED.forEach(name -> needed.add(environmentName(name)));
            assertTrue(env.keySet().containsAll(needed), kind + " lacks some of " + needed + ": " + env.keySet());
        }
        assertTrue(read.contains("quarkus.liquibase.migrate-at-start"));
    }

    @Test
    void shouldMigrateInAJobWhileTheInstancesDoNot() {
        assertEquals("false", manifests.environment(manifests.container("Deployment"))
                .get(environmentName("quarkus.liquibase.migrate-at-start")));
        Map<String, Object> job = manifests.container("Job");
        assertEquals(List.of("db:migrate"), job.get("args"));
        assertEquals(map(manifests.container("Deployment")).get("image"), job.get("image"));
        assertEquals("Never", map(map(map(manifests.kind("Job"), "spec"), "template"), "spec").get("restartPolicy"));
    }

    @Test
    void shouldWaitLongerThanTheShutdownWindow() {
        var config = ConfigProvider.getConfig();
        Duration delay = config.getValue("%prod.quarkus.shutdown.delay", Duration.class);
        Duration timeout = config.getValue("quarkus.shutdown.timeout", Duration.class);
        Map<String, Object> pod = manifests.podSpec("Deployment");
        int grace = (Integer) pod.get("terminationGracePeriodSeconds");
        assertTrue(grace > delay.plus(timeout).toSeconds(), grace + " s <= " + delay + " + " + timeout);
    }

    @Test
    void shouldRunTwoOrMoreNonRootInstancesSizedFromTheBenchmark() throws IOException {
        Matcher rss = Pattern.compile("service peak RSS \\(VmHWM\\): (\\d+) MB").matcher(Files.readString(Path.of("bench/RESULTS.md")));
        long peak = 0;
        while (rss.find()) {
            peak = Math.max(peak, Long.parseLong(rss.group(1)) << 20);
        }
        assertTrue(peak > 0, "no peak RSS in bench/RESULTS.md");
        for (String kind : List.of("Deployment", "Job")) {
            Map<String, Object> resources = map(manifests.container(kind), "resources");
            long request = Manifests.bytes(map(resources, "requests").get("memory"));
            long limit = Manifests.bytes(map(resources, "limits").get("memory"));
            assertTrue(peak <= request && request <= limit, kind + ": " + peak + " <= " + request + " <= " + limit);
            Map<String, Object> pod = manifests.podSpec(kind);
            assertEquals(true, map(pod, "securityContext").get("runAsNonRoot"), kind);
            Map<String, Object> container = manifests.container(kind);
            assertEquals(true, map(container, "securityContext").get("readOnlyRootFilesystem"), kind);
            assertEquals("/tmp", map(list(container, "volumeMounts").get(0)).get("mountPath"), kind);
            assertTrue(map(list(pod, "volumes").get(0)).containsKey("emptyDir"), kind);
        }
        assertTrue((Integer) map(manifests.kind("Deployment"), "spec").get("replicas") >= 2);
        assertTrue((Integer) map(manifests.kind("HorizontalPodAutoscaler"), "spec").get("minReplicas") >= 2);
        Object podLabels = map(map(manifests.podSpecOwner("Deployment"), "metadata"), "labels");
        assertEquals(podLabels, map(map(manifests.kind("PodDisruptionBudget"), "spec"), "selector").get("matchLabels"));
        assertEquals(podLabels, map(manifests.kind("Service"), "spec").get("selector"));
    }

    /** The port the jar listens on without QUARKUS_HTTP_PORT: Quarkus's default (this test instance runs on another). */
    private static int jarPort() {
        return StreamSupport.stream(ConfigProvider.getConfig().getConfigSources().spliterator(), false)
                .sorted(Comparator.comparingInt(ConfigSource::getOrdinal))
                .map(source -> source.getValue("quarkus.http.port")).filter(Objects::nonNull)
                .map(Integer::valueOf).findFirst().orElseThrow();
    }

    /** The variable SmallRye Config reads for a property: every character but letters and digits as '_', upper case. */
    private static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }
}
