package clinic.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who is calling: the known roles of the token, and the row its profile claim names ({@code Doctor/51},
 * {@code Patient/1}, like SMART on FHIR's fhirUser). A doctor or patient role without its profile grants nothing.
 */
@RequestScoped
public class Caller {

    private static final Pattern PROFILE = Pattern.compile("(Doctor|Patient)/([1-9][0-9]{0,17})");

    private final SecurityIdentity identity;
    private final String profileClaim;
    private Set<Role> roles;
    private Long doctorId;
    private Long patientId;
    private String profile;

    public Caller(SecurityIdentity identity, ProfileClaim profileClaim) {
        this.identity = identity;
        this.profileClaim = profileClaim.name;
    }

    public Set<Role> roles() {
        if (roles == null) {
            read();
        }
        return roles;
    }

    /** The profile claim as the token has it ({@code Doctor/51}), whether or not it is well formed; or null. */
    public String profile() {
        roles();
        return profile;
    }

    /** The doctor this caller acts for, or null. */
    public Long doctorId() {
        roles();
        return doctorId;
    }

    /** The patient this caller acts for, or null. */
    public Long patientId() {
        roles();
        return patientId;
    }

    private void read() {
        Set<Role> known = EnumSet.noneOf(Role.class);
        if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim(profileClaim);
            String text = claim instanceof JsonString s ? s.getString() : claim instanceof String s ? s : "";
            profile = text.isEmpty() ? null : text;
            Matcher row = PROFILE.matcher(text);
            if (row.matches()) {
                long id = Long.parseLong(row.group(2));
                if (row.group(1).equals("Doctor")) {
                    doctorId = id;
                } else {
                    patientId = id;
                }
            }
            for (Role r : Role.values()) {
                boolean profiled = r == Role.doctor ? doctorId != null : r != Role.patient || patientId != null;
                if (identity.hasRole(r.name()) && profiled) {
                    known.add(r);
                }
            }
        }
        roles = known;
    }
}
