package dev.toolverdicts.catalog.security;

import org.springframework.security.core.Authentication;

/** The roles that curate the catalog; they alone see drafts. */
public final class CatalogRoles {

    static final String EDITOR = "EDITOR";
    static final String ADMIN = "ADMIN";

    private CatalogRoles() {
    }

    /** Whether the caller (possibly anonymous: {@code null}) may see and change drafts. */
    public static boolean isEditor(Authentication caller) {
        return caller != null && caller.isAuthenticated() && caller.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + EDITOR) || a.getAuthority().equals("ROLE_" + ADMIN));
    }
}
