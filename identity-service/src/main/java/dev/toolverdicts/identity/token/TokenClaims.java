package dev.toolverdicts.identity.token;

/** Names of the claims every service reads from our tokens. */
public final class TokenClaims {

    /** JSON array of role names, e.g. {@code ["REVIEWER"]}. */
    public static final String ROLES = "roles";
    /** The user's display name. */
    public static final String NAME = "name";
    public static final String EMAIL = "email";
    /** When the account was created, ISO-8601 UTC to the second (access tokens of people only). */
    public static final String ACCOUNT_CREATED_AT = "account_created_at";
    /** The client the access token was issued to (RFC 9068). */
    public static final String CLIENT_ID = "client_id";
    /** The JOSE header {@code typ} of access tokens (RFC 9068), which ID tokens never carry. */
    public static final String ACCESS_TOKEN_TYPE = "at+jwt";

    private TokenClaims() {
    }
}
