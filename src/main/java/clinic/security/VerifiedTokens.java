package clinic.security;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens that passed verification, by their raw text, until their {@code exp} (no clock skew on a hit): at most
 * {@code clinic.token-cache.size} of them, 0 for none. The raw string is the key because its own equals is exact and
 * costs less per lookup than a digest of it (bench/VerifyCost.java).
 */
@Singleton
public class VerifiedTokens {

    /** A verified token and the instant, in epoch milliseconds, from which it is no longer served. */
    private record Entry(JsonWebToken jwt, long expiresAt) {
    }

    private final Map<String, Entry> byToken = new ConcurrentHashMap<>();
    private final int size;

    public VerifiedTokens(@ConfigProperty(name = "clinic.token-cache.size") int size) {
        this.size = size;
    }

    /** The verified token for this raw text, or null when it was never verified, was dropped, or has expired. */
    public JsonWebToken get(String token) {
        Entry e = byToken.get(token);
        if (e == null) {
            return null;
        }
        if (System.currentTimeMillis() >= e.expiresAt) {
            byToken.remove(token, e);
            return null;
        }
        return e.jwt;
    }

    /** Keeps a token the verifier accepted (never one it refused), unless it has no exp or has already reached it. */
    public void put(String token, JsonWebToken jwt) {
        long expiresAt = jwt.getExpirationTime() * 1000;
        long now = System.currentTimeMillis();
        if (size <= 0 || now >= expiresAt) {
            return;
        }
        // a miss costs a verification (~50 us), so one lock here keeps the bound exact at no measurable cost
        synchronized (this) {
            if (byToken.size() >= size && !byToken.containsKey(token)) {
                makeRoom(now);
            }
            byToken.put(token, new Entry(jwt, expiresAt));
        }
    }

    public int size() {
        return byToken.size();
    }

    /** Drops the expired entries, then arbitrary ones down to 7/8 of the bound, so a full cache sweeps rarely. */
    private void makeRoom(long now) {
        byToken.values().removeIf(e -> now >= e.expiresAt);
        int target = size - Math.max(1, size / 8);
        for (Iterator<String> it = byToken.keySet().iterator(); byToken.size() > target && it.hasNext(); ) {
            it.next();
            it.remove();
        }
    }
}
