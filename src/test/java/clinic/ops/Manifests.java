package clinic.ops;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The Kubernetes objects of a directory of manifests, parsed with SnakeYAML (already there, through Liquibase). */
final class Manifests {

    private final List<Map<String, Object>> objects = new ArrayList<>();

    private Manifests() {
    }

    static Manifests load(Path directory) {
        Manifests manifests = new Manifests();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    new Yaml().loadAll(reader).forEach(o -> manifests.objects.add(map(o)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return manifests;
    }

    /** The one object of that kind. */
    Map<String, Object> kind(String kind) {
        List<Map<String, Object>> found = objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " objects of kind " + kind);
        }
        return found.get(0);
    }

    /** The pod template of a Deployment or a Job. */
    Map<String, Object> podSpecOwner(String kind) {
        return map(map(kind(kind), "spec"), "template");
    }

    Map<String, Object> podSpec(String kind) {
        return map(podSpecOwner(kind), "spec");
    }

    /** The one container of a Deployment's or a Job's pod. */
    Map<String, Object> container(String kind) {
        List<Object> containers = list(podSpec(kind), "containers");
        if (containers.size() != 1) {
            throw new AssertionError(kind + " has " + containers.size() + " containers");
        }
        return map(containers.get(0));
    }

    /** A container's variables: its env, and the keys of the ConfigMaps and Secrets of its envFrom. */
    Map<String, String> environment(Map<String, Object> container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Object from : list(container, "envFrom")) {
            Map<String, Object> source = map(from);
            String kind = source.containsKey("configMapRef") ? "ConfigMap" : "Secret";
            Object name = map(source, kind.equals("ConfigMap") ? "configMapRef" : "secretRef").get("name");
            Map<String, Object> object = kind(kind);
            if (!name.equals(map(object, "metadata").get("name"))) {
                throw new AssertionError("envFrom names " + kind + " " + name + ", which deploy/ does not define");
            }
            map(object, kind.equals("ConfigMap") ? "data" : "stringData").forEach((k, v) -> env.put(k, String.valueOf(v)));
        }
        for (Object variable : list(container, "env")) {
            env.put((String) map(variable).get("name"), String.valueOf(map(variable).get("value")));
        }
        return env;
    }

    /** A Kubernetes memory quantity: 384Mi, 1Gi, 500M. */
    static long bytes(Object quantity) {
        String q = String.valueOf(quantity);
        String unit = q.replaceAll("^[0-9]+", "");
        long n = Long.parseLong(q.substring(0, q.length() - unit.length()));
        return switch (unit) {
            case "Ki" -> n << 10;
            case "Mi" -> n << 20;
            case "Gi" -> n << 30;
            case "M" -> n * 1_000_000;
            case "G" -> n * 1_000_000_000;
            case "" -> n;
            default -> throw new AssertionError("unexpected memory unit in " + q);
        };
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        if (!(node instanceof Map)) {
            throw new AssertionError("not a mapping: " + node);
        }
        return (Map<String, Object>) node;
    }

    static Map<String, Object> map(Map<String, Object> parent, String key) {
        return map(parent.get(key));
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, Object> parent, String key) {
        Object node = parent.get(key);
        return node == null ? List.of() : (List<Object>) node;
    }
}
