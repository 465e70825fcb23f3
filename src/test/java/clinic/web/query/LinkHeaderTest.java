package clinic.web.query;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static clinic.Api.given;
import static clinic.Fixtures.create;
import static clinic.Fixtures.doctor;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Link header over every limit and offset that matters, up to the largest offset taken: offsets in range,
 * next exactly when rows follow, prev exactly after the first row and never to an empty page, and targets that
 * are path-absolute and answer.
 */
@QuarkusTest
class LinkHeaderTest {

    private static final int COUNT = 5;
    private static final Pattern LINK = Pattern.compile("<([^>]*)>; rel=\"(\\w+)\"");
    private static final Pattern OFFSET = Pattern.compile("[?&]offset=(-?\\d+)&limit=(\\d+)$");

    @Test
    void shouldLinkPagesWithoutOverflowAndPrevToTheLastPageThatHasRows() {
        String tag = UUID.randomUUID().toString();
        for (int i = 0; i < COUNT; i++) {
            create("/doctors", doctor("d" + i + "." + tag + "@links.test"));
        }
        List<String> failures = new ArrayList<>();
        for (int limit : List.of(1, 2, 3, 5, 7, 1000)) {
            for (long offset : offsets(limit)) {
                String failure = check(tag, (int) offset, limit);
                if (failure != null) {
                    failures.add("offset=" + offset + "&limit=" + limit + ": " + failure);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static List<Long> offsets(int limit) {
        long max = Integer.MAX_VALUE;
        return List.of(0L, 1L, limit - 1L, (long) limit, COUNT - 1L, (long) COUNT, COUNT + 1L, COUNT + (long) limit,
                        10L * limit + 3, max - limit - 1, max - limit, max - 1, max).stream()
                .filter(o -> o >= 0).distinct().toList();
    }

    private static String check(String tag, int offset, int limit) {
        Response r = page(tag, "?where[email][endsWith]=." + tag + "@links.test&offset=" + offset + "&limit=" + limit);
        Map<String, long[]> links = links(r.header("Link"));
        if (r.statusCode() != 200 || !links.containsKey("first")) {
            return r.statusCode() + " " + r.header("Link");
        }
        for (var link : links.entrySet()) {
            long[] target = link.getValue();
            if (target == null || target[0] < 0 || target[0] > Integer.MAX_VALUE || target[1] != limit) {
                return link.getKey() + " is not a page of this size within range: " + r.header("Link");
            }
        }
        if (links.containsKey("next") != (offset + (long) limit < COUNT)) {
            return "next " + (links.containsKey("next") ? "where no rows follow" : "missing") + ": " + r.header("Link");
        }
        if (links.containsKey("prev") != offset > 0) {
            return "prev " + (links.containsKey("prev") ? "on the first page" : "missing") + ": " + r.header("Link");
        }
        if (links.containsKey("prev")) {
            long prev = links.get("prev")[0];
            int rows = page(tag, "?where[email][endsWith]=." + tag + "@links.test&offset=" + prev + "&limit=" + limit)
                    .then().statusCode(200).extract().jsonPath().getList("$").size();
            if (rows == 0 || prev >= offset) {
                return "prev points at offset " + prev + " with " + rows + " rows: " + r.header("Link");
            }
        }
        return null;
    }

    private static Response page(String tag, String query) {
        return given().urlEncodingEnabled(false).get("/doctors" + query);
    }

    /** rel → {offset, limit}, or null for a target that is not path-absolute /doctors?…. */
    private static Map<String, long[]> links(String header) {
        Map<String, long[]> links = new LinkedHashMap<>();
        Matcher m = LINK.matcher(header == null ? "" : header);
        while (m.find()) {
            Matcher o = OFFSET.matcher(m.group(1));
            links.put(m.group(2), m.group(1).startsWith("/doctors?") && o.find()
                    ? new long[] {Long.parseLong(o.group(1)), Long.parseLong(o.group(2))} : null);
        }
        return links;
    }
}
