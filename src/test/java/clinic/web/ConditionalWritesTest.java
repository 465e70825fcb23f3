package clinic.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static clinic.Api.given;
import static clinic.Fixtures.createAppointment;
import static clinic.Fixtures.createDoctor;
import static clinic.Fixtures.createPatient;
import static clinic.Fixtures.slot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * If-Match before every unsafe method, compared strongly (RFC 9110 §13.1.1): every resource × every unsafe method ×
 * every kind of tag; and unconditional deletes of one row are idempotent under concurrency.
 */
@QuarkusTest
class ConditionalWritesTest {

    private static final List<String> METHODS = List.of("PATCH", "DELETE", "DELETE?force=true", "POST restore");

    @Test
    void shouldHonourIfMatchOnEveryUnsafeMethodWithStrongComparison() {
        List<String> wrong = new ArrayList<>();
        for (String resource : List.of("doctors", "patients", "appointments")) {
            for (String method : METHODS) {
                for (String tag : List.of("\"7\"", "W/\"%d\"", "%d", "\"%d", "W/*")) {
                    String path = row(resource, method);
                    int version = given().get(path.replace("/restore", "") + "?paranoid=false").jsonPath()
                            .getInt("version");
                    String before = given().get(path.replace("/restore", "") + "?paranoid=false").asString();
                    Response r = send(method, path, tag.replace("%d", String.valueOf(version)));
                    if (r.statusCode() != 412 || !before.equals(given().get(path.replace("/restore", "")
                            + "?paranoid=false").asString())) {
                        wrong.add(method + " " + path + " If-Match " + tag + ": " + r.statusCode());
                    }
                }
                String path = row(resource, method);
                int version = given().get(path.replace("/restore", "") + "?paranoid=false").jsonPath().getInt("version");
                int status = send(method, path, "\"" + version + "\"").statusCode();
                if (status >= 300) {
                    wrong.add(method + " " + path + " with the current tag: " + status);
                }
                if (send(method, row(resource, method), "*").statusCode() >= 300) {
                    wrong.add(method + " " + path + " with *");
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void shouldRefuseEveryUnsafeMethodWhoseIfNoneMatchMatchesWeakly() {
        List<String> wrong = new ArrayList<>();
        for (String resource : List.of("doctors", "patients", "appointments")) {
            for (String method : METHODS) {
                for (String tag : List.of("\"%d\"", "W/\"%d\"", "*", "\"7\", \"%d\"")) {
                    String path = row(resource, method);
                    String read = path.replace("/restore", "") + "?paranoid=false";
                    String before = given().get(read).asString();
                    int version = given().get(read).jsonPath().getInt("version");
                    Response r = send(method, path, "If-None-Match", tag.replace("%d", String.valueOf(version)));
                    if (r.statusCode() != 412 || !before.equals(given().get(read).asString())) {
                        wrong.add(method + " " + path + " If-None-Match " + tag + ": " + r.statusCode());
                    }
                }
                String path = row(resource, method);
                if (send(method, path, "If-None-Match", "\"999\"").statusCode() >= 300) {
                    wrong.add(method + " " + path + " with a tag that does not match");
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void shouldDeleteOnceWhenUnconditionalDeletesRace() throws Exception {
        long doctor = createDoctor();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> deletes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                deletes.add(() -> given().delete("/doctors/" + doctor).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(deletes)) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 204).count(), statuses.toString());
            assertEquals(7, statuses.stream().filter(s -> s == 404).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
    }

    /** A fresh row for the method: restore wants a soft-deleted one. */
    private static String row(String resource, String method) {
        long id = switch (resource) {
            case "doctors" -> createDoctor();
            case "patients" -> createPatient();
            default -> createAppointment(createDoctor(), createPatient(), slot());
        };
        if (method.startsWith("POST")) {
            given().delete("/" + resource + "/" + id).then().statusCode(204);
            return "/" + resource + "/" + id + "/restore";
        }
        if (method.contains("force") && !resource.equals("appointments")) {
            return "/" + resource + "/" + id;
        }
        return "/" + resource + "/" + id;
    }

    private static Response send(String method, String path, String ifMatch) {
        return send(method, path, "If-Match", ifMatch);
    }

    private static Response send(String method, String path, String header, String tag) {
        var request = given().header(header, tag);
        return switch (method) {
            case "PATCH" -> request.contentType("application/json").body(Map.of()).patch(path);
            case "DELETE" -> request.delete(path);
            case "DELETE?force=true" -> request.delete(path + "?force=true");
            default -> request.post(path);
        };
    }
}
