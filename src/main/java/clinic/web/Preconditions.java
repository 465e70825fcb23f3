package clinic.web;

/** {@code If-Match} against a row's version: the row's ETag is {@code "<version>"}. */
final class Preconditions {

    private Preconditions() {
    }

    static void check(String ifMatch, Integer version) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String current = String.valueOf(version);
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.replace("\"", "").equals(current)) {
                return;
            }
        }
        throw ProblemException.staleVersion(412, "If-Match " + ifMatch + " does not match the current version \""
                + current + "\"; read the row again and retry");
    }
}
