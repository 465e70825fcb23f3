package clinic.security;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The claim naming the caller's row, read once: the request-scoped Caller read config on every request. */
@Singleton
class ProfileClaim {

    final String name;

    ProfileClaim(@ConfigProperty(name = "clinic.profile-claim") String name) {
        this.name = name;
    }
}
