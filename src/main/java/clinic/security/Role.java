package clinic.security;

/** The clinic's roles, as the token's roles claim names them. */
public enum Role {
    admin, clerk, doctor, patient
}
