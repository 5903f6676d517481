package dev.toolverdicts.identity.key;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Signing-key settings ({@code identity.keys.*}): the key-encryption key that protects the private keys at rest
 * (production sets {@code IDENTITY_KEYS_ENCRYPTIONKEY}; only the dev profile has a default), how often the signing
 * key is replaced, and how long an instance trusts its cached copy of the key set.
 */
@ConfigurationProperties("identity.keys")
public record SigningKeyProperties(
        String encryptionKey,
        @DefaultValue("30d") Duration rotationInterval,
        @DefaultValue("10s") Duration cacheTtl) {

    /** Longer than any JWT we issue lives (access 15 min, ID token 30 min), so a previous key outlives its tokens. */
    static final Duration MIN_ROTATION_INTERVAL = Duration.ofHours(1);

    public SigningKeyProperties {
        if (encryptionKey == null || encryptionKey.isBlank()) {
            throw new IllegalArgumentException(
                    "identity.keys.encryption-key is required (env IDENTITY_KEYS_ENCRYPTIONKEY)");
        }
        if (rotationInterval.compareTo(MIN_ROTATION_INTERVAL) < 0) {
            throw new IllegalArgumentException("identity.keys.rotation-interval must be at least "
                    + MIN_ROTATION_INTERVAL + ": the previous key must outlive every token it signed");
        }
    }
}
