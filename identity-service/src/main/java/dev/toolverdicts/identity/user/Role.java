package dev.toolverdicts.identity.user;

/** What a person may do across the platform; services check these names in the token's {@code roles} claim. */
public enum Role {
    EDITOR, REVIEWER, MEMBER, ADMIN
}
