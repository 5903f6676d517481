package dev.toolverdicts.servicedefaults.secrets;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What makes a configured secret unfit for production: missing, shorter than 32 bytes, too few distinct characters
 * (e.g. "aaaa..."), or carrying a marker of a default or placeholder value ("dev", "change-me", "example", ...).
 */
public final class SecretStrength {

    public static final int MIN_BYTES = 32;
    private static final int MIN_DISTINCT = 10;
    private static final List<String> PLACEHOLDER_MARKERS = List.of("change-me", "changeme", "change_me",
            "dev-secret", "dev-only", "-dev-", "placeholder", "example", "secret-here", "todo", "replace");

    private SecretStrength() {
    }

    /** Why this value must not be used as a production secret, if it must not. */
    public static Optional<String> problemWith(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("is not set");
        }
        String lower = value.toLowerCase(Locale.ROOT);
        for (String marker : PLACEHOLDER_MARKERS) {
            if (lower.contains(marker)) {
                return Optional.of("is a default or placeholder value (contains \"" + marker + "\")");
            }
        }
        if (value.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
            return Optional.of("is shorter than " + MIN_BYTES + " bytes");
        }
        if (value.chars().distinct().count() < MIN_DISTINCT) {
            return Optional.of("uses fewer than " + MIN_DISTINCT + " different characters");
        }
        return Optional.empty();
    }
}
