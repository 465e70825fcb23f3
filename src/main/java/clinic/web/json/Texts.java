package clinic.web.json;

/**
 * Text PostgreSQL can store as written: it refuses the NUL character (a 500 until checked here), and a lone UTF-16
 * surrogate, which JSON's {@code \ud800} can carry, would be stored as '?'.
 */
public final class Texts {

    public static final String RULE = "must not contain NUL (\\u0000) or unpaired surrogate characters";

    private Texts() {
    }

    public static boolean storable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }
}
