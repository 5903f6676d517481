package dev.toolverdicts.identity.token;

/** Names of the claims every service reads from our tokens. */
public final class TokenClaims {

    /** JSON array of role names, e.g. {@code ["REVIEWER"]}. */
    public static final String ROLES = "roles";
    /** The user's display name. */
    public static final String NAME = "name";
    public static final String EMAIL = "email";

    private TokenClaims() {
    }
}
