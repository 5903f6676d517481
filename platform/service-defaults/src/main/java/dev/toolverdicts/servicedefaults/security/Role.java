package dev.toolverdicts.servicedefaults.security;

/**
 * The platform's one role vocabulary: identity-service issues these names in the token's {@code roles} claim, and
 * every resource server checks them (as authorities {@code ROLE_<name>}, see {@link #authority()}).
 */
public enum Role {

    /** Runs the platform: everything an editor may do, plus rebuilds, dead-letter replay and flag resolution. */
    ADMIN,
    /** Curates the catalog and the reviewer panel. */
    EDITOR,
    /** A panel reviewer: writes their own verdicts. */
    REVIEWER,
    /** A community member: votes. */
    MEMBER,
    /** The machine client that previews and sends the newsletter digest; never a person's role. */
    NEWSLETTER;

    /** What Spring Security calls the role once a token is read ({@code authority-prefix} + name). */
    public static final String AUTHORITY_PREFIX = "ROLE_";

    public String authority() {
        return AUTHORITY_PREFIX + name();
    }
}
