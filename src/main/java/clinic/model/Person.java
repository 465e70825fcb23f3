package clinic.model;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What doctors and patients both have: a name and an email unique among rows not deleted, and a phone. */
@MappedSuperclass
public abstract class Person extends Model {

    @NotBlank
    @Size(max = 255)
    @Column(nullable = false)
    @Schema(required = true, maxLength = 255, examples = "Ann Smith")
    public String name;

    @NotBlank
    @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be a well-formed email address")
    @Size(max = 255)
    @Column(nullable = false)
    @Schema(required = true, format = "email", maxLength = 255, examples = "ann.smith@example.com",
            description = "Unique, ignoring case, among rows not deleted")
    public String email;

    @Size(max = 50)
    @Schema(maxLength = 50, examples = "+44 20 7946 0000")
    public String phone;

    @Override
    public void beforeValidate() {
        name = trim(name);
        email = trim(email);
        phone = trim(phone);
    }

    protected static String trim(String s) {
        return s == null ? null : s.strip();
    }
}
