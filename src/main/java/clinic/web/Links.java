package clinic.web;

import clinic.model.FindOptions;
import jakarta.ws.rs.core.UriInfo;

import java.util.ArrayList;
import java.util.List;

/** RFC 8288 {@code Link} header for a page: first, prev and next where they exist. */
final class Links {

    private Links() {
    }

    static String of(UriInfo uri, FindOptions options, long count) {
        int limit = options.limit;
        int offset = options.offset == null ? 0 : options.offset;
        List<String> links = new ArrayList<>();
        links.add(link(uri, 0, limit, "first"));
        if (offset > 0) {
            links.add(link(uri, Math.max(0, offset - limit), limit, "prev"));
        }
        if (offset + limit < count) {
            links.add(link(uri, offset + limit, limit, "next"));
        }
        return String.join(", ", links);
    }

    private static String link(UriInfo uri, int offset, int limit, String rel) {
        return "<" + uri.getRequestUriBuilder().replaceQueryParam("offset", offset)
                .replaceQueryParam("limit", limit).build() + ">; rel=\"" + rel + "\"";
    }
}
