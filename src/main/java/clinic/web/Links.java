package clinic.web;

import clinic.model.FindOptions;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** RFC 8288 {@code Link} header for a page: first, prev and next where they exist. */
final class Links {

    private Links() {
    }

    static String of(UriInfo uri, FindOptions options, long count) {
        int limit = options.limit;
        int offset = options.offset == null ? 0 : options.offset;
        String base = base(uri.getRequestUri());
        List<String> links = new ArrayList<>();
        links.add(link(base, 0, limit, "first"));
        if (offset > 0) {
            links.add(link(base, Math.max(0, offset - limit), limit, "prev"));
        }
        if (offset + limit < count) {
            links.add(link(base, offset + limit, limit, "next"));
        }
        return String.join(", ", links);
    }

    /** The request URI without its offset and limit, ready for new ones (string work: UriBuilder showed in the profile). */
    private static String base(URI request) {
        StringBuilder s = new StringBuilder(request.getScheme()).append("://").append(request.getRawAuthority())
                .append(request.getRawPath()).append('?');
        String query = request.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
                if (!pair.isEmpty() && !name.equals("offset") && !name.equals("limit")) {
                    s.append(pair).append('&');
                }
            }
        }
        return s.toString();
    }

    private static String link(String base, int offset, int limit, String rel) {
        return "<" + base + "offset=" + offset + "&limit=" + limit + ">; rel=\"" + rel + "\"";
    }
}
