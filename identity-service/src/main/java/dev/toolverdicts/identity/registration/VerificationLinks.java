package dev.toolverdicts.identity.registration;

import dev.toolverdicts.identity.user.UserAccount;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring email-verification links: {@code <user id>.<expiry>.<HMAC-SHA256>}. The MAC also covers the
 * address, so a link dies when the account's address changes; nothing is stored per link. A link only opens the
 * confirmation page: confirming is a POST from it, so a prefetching mail scanner confirms nothing.
 */
@Component
class VerificationLinks {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final RegistrationProperties properties;
    private final Clock clock;

    VerificationLinks(RegistrationProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    String linkFor(UserAccount user) {
        long expiry = clock.instant().plus(properties.linkTtl()).getEpochSecond();
        String token = user.id() + "." + expiry + "." + mac(user, expiry);
        return properties.publicUrl() + "/verify?token=" + token;
    }

    /** The user id a well-formed token names; says nothing yet about validity. */
    static Optional<UUID> userIdIn(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Long.parseLong(parts[1]);
            return Optional.of(UUID.fromString(parts[0]));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** True if the token was issued for this user in its current state and has not expired. */
    boolean isValidFor(String token, UserAccount user) {
        String[] parts = token.split("\\.");
        long expiry = Long.parseLong(parts[1]);
        if (Instant.ofEpochSecond(expiry).isBefore(clock.instant())) {
            return false;
        }
        return MessageDigest.isEqual(mac(user, expiry).getBytes(StandardCharsets.US_ASCII),
                parts[2].getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(UserAccount user, long expiry) {
        String signed = String.join("\n", user.id().toString(), Long.toString(expiry), user.email());
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(properties.linkSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return B64.encodeToString(hmac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
