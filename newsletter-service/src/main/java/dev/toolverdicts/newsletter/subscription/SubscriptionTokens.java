package dev.toolverdicts.newsletter.subscription;

import dev.toolverdicts.problem.FieldProblem;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The signed links of mails, with no state on the server: {@code base64url(purpose|subscriber|expiry)} and an
 * HMAC-SHA256 over it. A confirmation link expires ({@code newsletter.tokens.confirm-ttl}); an unsubscribe link
 * does not, so the link in a mail read months later still works, as RFC 8058 expects.
 */
@Component
class SubscriptionTokens {

    static final String FIELD = "token";
    private static final String ALGORITHM = "HmacSHA256";
    private static final long NEVER = 0;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    enum Purpose { CONFIRM, UNSUBSCRIBE }

    private final SecretKeySpec key;
    private final TokenProperties properties;
    private final Clock clock;

    SubscriptionTokens(TokenProperties properties, Clock clock) {
        this.key = new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.properties = properties;
        this.clock = clock;
    }

    String confirmation(UUID subscriberId) {
        return sign(Purpose.CONFIRM, subscriberId, clock.instant().plus(properties.confirmTtl()).getEpochSecond());
    }

    String unsubscribe(UUID subscriberId) {
        return sign(Purpose.UNSUBSCRIBE, subscriberId, NEVER);
    }

    /** The subscriber a valid, unexpired token of this purpose names; a 400 problem naming {@code token} otherwise. */
    UUID verify(String token, Purpose purpose) {
        if (token == null || token.isBlank()) {
            throw invalid("is required");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 2) {
            throw invalid("is not a link we sent");
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(parts[0]);
            signature = DECODER.decode(parts[1]);
        } catch (IllegalArgumentException notBase64) {
            throw invalid("is not a link we sent");
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            throw invalid("is not a link we sent");
        }
        String[] fields = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
        if (fields.length != 3 || !fields[0].equals(purpose.name())) {
            throw invalid("is not a link of this kind");
        }
        long expiry = Long.parseLong(fields[2]);
        if (expiry != NEVER && Instant.ofEpochSecond(expiry).isBefore(clock.instant())) {
            throw invalid("has expired; subscribe again for a new link");
        }
        return UUID.fromString(fields[1]);
    }

    private String sign(Purpose purpose, UUID subscriberId, long expiry) {
        byte[] payload = (purpose.name() + "|" + subscriberId + "|" + expiry).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static FieldProblem invalid(String why) {
        return new FieldProblem(HttpStatus.BAD_REQUEST, FIELD, why);
    }
}
