package dev.toolverdicts.identity.registration;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The password rules beyond length, after NIST SP 800-63B: long rather than "complex", and not guessable from the
 * account itself or from the most common choices. No composition rules. The form allows 128 characters, but bcrypt
 * reads only 72 bytes: a longer password is refused with a message rather than pre-hashed, so the stored hash stays
 * a plain bcrypt hash any standard verifier (and the delegating encoder's upgrade path) understands.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    /** bcrypt reads at most 72 bytes; a longer password is refused rather than silently cut (or a 500). */
    static final int MAX_BYTES = 72;
    static final String LENGTH_MESSAGE = "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters";

    private static final Set<String> COMMON = Set.of("password1234", "123456789012", "qwertyuiop12", "passwordpassword",
            "iloveyou1234", "letmein12345", "welcome12345", "administrator", "toolverdicts", "tool-verdicts",
            "qwertyuiopasdf", "1q2w3e4r5t6y");

    private PasswordPolicy() {
    }

    /** Why this password is refused, if it is. */
    static Optional<String> problemWith(String password, String email, String displayName) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("must be at most " + MAX_BYTES + " bytes (about " + MAX_BYTES
                    + " plain letters, fewer with accents or emoji)");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.chars().distinct().count() < 4) {
            return Optional.of("uses too few different characters");
        }
        if (COMMON.contains(lower)) {
            return Optional.of("is one of the most common passwords");
        }
        String localPart = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
        if (localPart.length() >= 4 && lower.contains(localPart.toLowerCase(Locale.ROOT))) {
            return Optional.of("must not contain your email address");
        }
        String name = displayName == null ? "" : displayName.strip().toLowerCase(Locale.ROOT);
        if (name.length() >= 4 && lower.contains(name)) {
            return Optional.of("must not contain your display name");
        }
        return Optional.empty();
    }
}
