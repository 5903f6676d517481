package dev.toolverdicts.identity.user;

import dev.toolverdicts.servicedefaults.security.Role;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A person who can sign in; {@code id} never changes and becomes the {@code sub} of their tokens. {@code createdAt}
 * is set by the database (null on an account not yet stored).
 */
public record UserAccount(UUID id, String email, String displayName, String passwordHash, Set<Role> roles,
        Instant emailVerifiedAt, Instant createdAt) {

    public UserAccount(UUID id, String email, String displayName, String passwordHash, Set<Role> roles,
            Instant emailVerifiedAt) {
        this(id, email, displayName, passwordHash, roles, emailVerifiedAt, null);
    }

    public boolean verified() {
        return emailVerifiedAt != null;
    }

    /** Role names, sorted, as they appear in the {@code roles} claim. */
    public List<String> roleNames() {
        return roles.stream().map(Role::name).sorted().toList();
    }
}
