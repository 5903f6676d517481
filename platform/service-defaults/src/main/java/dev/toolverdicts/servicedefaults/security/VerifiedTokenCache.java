package dev.toolverdicts.servicedefaults.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Verifies each distinct access token once instead of on every request: RSA signature checks were ~12% of a busy
 * service's CPU, while a member sends the same token many times in its lifetime.
 * <p>
 * A token that the delegate accepted is remembered (by the SHA-256 of its text, never the text itself) until the
 * earlier of its {@code exp} and {@code maxAge} after verification; {@code maxAge} is no longer than the JWK set cache,
 * so a key withdrawn from the JWK set stops being honoured no later than it would without this cache. Failures are
 * never remembered: a bad token is checked, and refused, every time. This is safe only because identity-service has no
 * token revocation: an access token is valid until it expires whatever happens to the account, so remembering the
 * verdict changes no answer. Should revocation (or introspection) ever be added, this cache must go.
 * <p>
 * Bounded: at {@code maxSize} entries, expired ones are dropped first, then arbitrary ones (a dropped token is only
 * verified again).
 */
public final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Duration maxAge;
    private final int maxSize;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public VerifiedTokenCache(JwtDecoder delegate, Clock clock, Duration maxAge, int maxSize) {
        this.delegate = delegate;
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxSize = maxSize;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String key = sha256(token);
        Instant now = clock.instant();
        Verified hit = verified.get(key);
        if (hit != null) {
            if (now.isBefore(hit.until())) {
                return hit.jwt();
            }
            verified.remove(key, hit);
        }
        Jwt jwt = delegate.decode(token);
        Instant until = now.plus(maxAge);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        if (now.isBefore(until)) {
            makeRoom(now);
            verified.put(key, new Verified(jwt, until));
        }
        return jwt;
    }

    int size() {
        return verified.size();
    }

    private void makeRoom(Instant now) {
        if (verified.size() < maxSize) {
            return;
        }
        verified.values().removeIf(entry -> !now.isBefore(entry.until()));
        Iterator<String> keys = verified.keySet().iterator();
        while (verified.size() >= maxSize && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    private static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return new String(digest, StandardCharsets.ISO_8859_1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private record Verified(Jwt jwt, Instant until) {
    }
}
