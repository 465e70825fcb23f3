package clinic.web;

import clinic.model.Values;
import clinic.web.problem.ProblemException;

/** Path ids are parsed here so an id other than a canonical positive integer is a 400 naming it, not a 404. */
final class Ids {

    private Ids() {
    }

    static long parse(String id) {
        try {
            long n = Values.integer(id);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the problem below
        }
        throw ProblemException.badRequest("id", "id must be a positive integer, got '" + id + "'");
    }
}
