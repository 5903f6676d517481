package dev.toolverdicts.testsupport;

/**
 * The kinds of caller of the authorization matrix ({@link AuthorizationMatrix}), each with the credential the
 * identity service would give it: nobody, a person per role, the newsletter job's machine client, and an ID token
 * that even claims ADMIN (no service may take an ID token for an access token).
 */
public enum Caller {
    ANONYMOUS(null),
    MEMBER("MEMBER"),
    REVIEWER("REVIEWER"),
    EDITOR("EDITOR"),
    ADMIN("ADMIN"),
    NEWSLETTER("NEWSLETTER"),
    ID_TOKEN("ADMIN");

    private final String role;

    Caller(String role) {
        this.role = role;
    }

    /** The Authorization header this caller sends, or {@code null} for none. */
    public String authorization() {
        return switch (this) {
            case ANONYMOUS -> null;
            case ID_TOKEN -> "Bearer " + TestJwts.idToken("matrix-id-token", role);
            case NEWSLETTER -> "Bearer " + TestJwts.token("newsletter-job", role);
            default -> "Bearer " + TestJwts.token("matrix-" + name().toLowerCase(java.util.Locale.ROOT), role);
        };
    }

    /** The column name in a matrix table: the enum name in lower case. */
    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
