package clinic.web;

/** Path ids are parsed here so a non-numeric id is a 400 naming it, not a 404 from route matching. */
final class Ids {

    private Ids() {
    }

    static long parse(String id) {
        try {
            long n = Long.parseLong(id);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the problem below
        }
        throw ProblemException.badRequest("id", "id must be a positive integer, got '" + id + "'");
    }
}
