package clinic.model;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;

/** What doctors and patients both have: a name and an email unique among rows not deleted, and a phone. */
@MappedSuperclass
public abstract class Person extends Model {

    /** Characters as PostgreSQL's varchar counts them: code points, so an emoji is one. */
    private static final String NAME_RULE = "must be 1–255 characters, not blank";

    @NotBlank(message = NAME_RULE)
    @CodePointLength(max = 255, message = NAME_RULE)
    @Column(nullable = false)
    @Schema(required = true, minLength = 1, maxLength = 255, examples = "Ann Smith")
    public String name;

    @NotBlank
    @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be a well-formed email address")
    @CodePointLength(max = 255, message = "must be at most {max} characters")
    @Column(nullable = false)
    @Schema(required = true, format = "email", maxLength = 255, examples = "ann.smith@example.com",
            description = "Unique, ignoring case, among rows not deleted")
    public String email;

    @CodePointLength(max = 50, message = "must be at most {max} characters")
    @Schema(maxLength = 50, examples = "+44 20 7946 0000")
    public String phone;

    @Override
    public void beforeValidate() {
        name = trim(name);
        email = trim(email);
        phone = trim(phone);
    }
}
