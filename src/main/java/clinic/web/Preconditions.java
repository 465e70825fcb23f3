package clinic.web;

import clinic.web.problem.ProblemException;

/**
 * {@code If-Match} and {@code If-None-Match} against a row's version, before every unsafe method on it: the row's ETag
 * is {@code "<version>"}.
 */
final class Preconditions {

    private Preconditions() {
    }

    static void check(String ifMatch, String ifNoneMatch, Integer version) {
        check(ifMatch, version);
        // weak comparison (RFC 9110 §13.1.2), false on a match: the client asked to write only a version it lacks
        if (ifNoneMatch != null && ConditionalGets.matches(ifNoneMatch, "\"" + version + "\"")) {
            throw ProblemException.staleVersion(412, "If-None-Match " + ifNoneMatch + " matches the current version \""
                    + version + "\"");
        }
    }

    private static void check(String ifMatch, Integer version) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        // strong comparison (RFC 9110 §13.1.1): only a quoted tag equal to the row's; a weak or malformed one never matches
        String current = "\"" + version + "\"";
        for (String tag : ifMatch.split(",")) {
            if (tag.trim().equals(current)) {
                return;
            }
        }
        throw ProblemException.staleVersion(412, "If-Match " + ifMatch + " does not match the current version \""
                + current + "\"; read the row again and retry");
    }
}
