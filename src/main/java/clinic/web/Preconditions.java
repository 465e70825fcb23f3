package clinic.web;

/** {@code If-Match} against a row's version, before every unsafe method: the row's ETag is {@code "<version>"}. */
final class Preconditions {

    private Preconditions() {
    }

    static void check(String ifMatch, Integer version) {
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
