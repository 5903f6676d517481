package dev.toolverdicts.identity.user;

import java.util.Locale;

/** One spelling per address, so "Ada@Example.org " and "ada@example.org" are the same account. */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    public static String normalize(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
