package clinic.security;

import clinic.web.problem.Problem;
import clinic.web.problem.ProblemException;
import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.jwt.build.Jwt;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dev mode's stand-in for the clinic's OIDC provider: a token signed with the key pair smallrye-jwt generates at
 * start-up, for Swagger UI's Authorize button and curl. Not built into the packaged jar (404 there).
 */
@Path("/dev/token")
@IfBuildProfile(anyOf = {"dev", "test"})
@Tag(name = "Dev token", description = "Dev mode only: a signed bearer token for any role.")
public class DevTokenResource {

    private static final Pattern AS = Pattern.compile("(admin|clerk)|(doctor|patient):([1-9][0-9]{0,17})");

    private final String profileClaim;

    public DevTokenResource(@ConfigProperty(name = "clinic.profile-claim") String profileClaim) {
        this.profileClaim = profileClaim;
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "A bearer token for a role (dev mode only)",
            description = "Paste the answer into **Authorize**. `doctor:2` and `patient:1` name the row the token "
                    + "acts for (the profile claim `Doctor/2`, `Patient/1`). Valid for 12 hours.")
    @SecurityRequirementsSet // public: the empty requirement, stated
    @APIResponse(responseCode = "200", description = "A signed JWT",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "`as` missing or not one of the forms above",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public String token(@QueryParam("as") @Parameter(description = "`admin`, `clerk`, `doctor:<id>` or "
            + "`patient:<id>`", example = "admin") String as) {
        Matcher m = as == null ? null : AS.matcher(as);
        if (m == null || !m.matches()) {
            throw ProblemException.badRequest("as", "as must be admin, clerk, doctor:<id> or patient:<id>");
        }
        String role = m.group(1) != null ? m.group(1) : m.group(2);
        var token = Jwt.audience("clinic-api").subject("dev-" + as.replace(':', '-')).upn(as).groups(Set.of(role))
                .expiresIn(Duration.ofHours(12));
        if (m.group(3) != null) {
            token.claim(profileClaim, (role.equals("doctor") ? "Doctor/" : "Patient/") + m.group(3));
        }
        return token.sign();
    }
}
