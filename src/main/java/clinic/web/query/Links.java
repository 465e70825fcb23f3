package clinic.web.query;

import clinic.model.FindOptions;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 8288 {@code Link} header for a page: first, prev and next where they exist. The targets are path-absolute
 * ({@code /doctors?…}): never built from the client's Host.
 */
public final class Links {

    private Links() {
    }

    public static String of(UriInfo uri, FindOptions options, long count) {
        // long: offset + limit overflows an int at offsets near Integer.MAX_VALUE
        long limit = options.limit;
        long offset = options.offset == null ? 0 : options.offset;
        String base = base(uri.getRequestUri());
        List<String> links = new ArrayList<>();
        links.add(link(base, 0, limit, "first"));
        if (offset > 0) {
            links.add(link(base, prev(offset, limit, count), limit, "prev"));
        }
        if (offset + limit < count) {
            links.add(link(base, offset + limit, limit, "next"));
        }
        return String.join(", ", links);
    }

    /** One page back; from beyond the end, the last page that has rows (in the same steps of limit). */
    static long prev(long offset, long limit, long count) {
        long back = offset - limit;
        if (back >= count) {
            back = offset - limit * ((offset - count) / limit + 1);
        }
        return Math.max(0, back);
    }

    /** The request's path and query without offset and limit (string work: UriBuilder showed in the profile). */
    private static String base(URI request) {
        StringBuilder s = new StringBuilder(request.getRawPath()).append('?');
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

    private static String link(String base, long offset, long limit, String rel) {
        return "<" + base + "offset=" + offset + "&limit=" + limit + ">; rel=\"" + rel + "\"";
    }
}
