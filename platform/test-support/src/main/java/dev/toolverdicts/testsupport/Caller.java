package dev.toolverdicts.testsupport;

/**
 * The kinds of caller of the authorization matrix ({@link AuthorizationMatrix}), each with the credential the
 * identity service would give it: nobody, a person per role, the newsletter job's machine client, an ID token that
 * even claims ADMIN (no service may take an ID token for an access token) and an access token claiming ADMIN that
 * was issued for another audience (no service may take a token meant for someone else).
 */
public enum Caller {
    ANONYMOUS(null),
    MEMBER("MEMBER"),
    REVIEWER("REVIEWER"),
    EDITOR("EDITOR"),
    ADMIN("ADMIN"),
    NEWSLETTER("NEWSLETTER"),
    ID_TOKEN("ADMIN"),
    OTHER_AUDIENCE("ADMIN");

    private final String role;

    Caller(String role) {
        this.role = role;
    }

    /** The Authorization header this caller sends, or {@code null} for none. */
    public String authorization() {
        return switch (this) {
            case ANONYMOUS -> null;
            case ID_TOKEN -> "Bearer " + TestJwts.idToken("matrix-id-token", role);
            case OTHER_AUDIENCE -> "Bearer " + TestJwts.tokenFor("another-api", "matrix-other-audience", role);
            case NEWSLETTER -> "Bearer " + TestJwts.token("newsletter-job", role);
            default -> "Bearer " + TestJwts.token("matrix-" + name().toLowerCase(java.util.Locale.ROOT), role);
        };
    }

    /** The column name in a matrix table: the enum name in lower case. */
    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
