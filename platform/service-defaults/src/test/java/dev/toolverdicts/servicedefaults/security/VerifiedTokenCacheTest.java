package dev.toolverdicts.servicedefaults.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/** A verified token is trusted until its exp (at most max-age); failures and expired tokens are checked again. */
class VerifiedTokenCacheTest {

    private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");

    private final MovableClock clock = new MovableClock(START);
    private final CountingDecoder verifier = new CountingDecoder(clock);

    @Test
    void aSecondDecodeOfTheSameTokenDoesNotVerifyAgain() {
        var cache = new VerifiedTokenCache(verifier, clock, Duration.ofMinutes(5), 100);
        verifier.expiresAt("token-a", START.plusSeconds(600));

        Jwt first = cache.decode("token-a");
        Jwt second = cache.decode("token-a");

        assertThat(second).isSameAs(first);
        assertThat(verifier.calls).containsExactly("token-a");
    }

    @Test
    void anExpiredTokenIsCheckedAgainAndRefused() {
        var cache = new VerifiedTokenCache(verifier, clock, Duration.ofMinutes(5), 100);
        verifier.expiresAt("token-a", START.plusSeconds(60));
        cache.decode("token-a");

        clock.advance(Duration.ofSeconds(61));

        assertThatThrownBy(() -> cache.decode("token-a")).isInstanceOf(JwtValidationException.class);
        assertThat(verifier.calls).containsExactly("token-a", "token-a");
        assertThatThrownBy(() -> cache.decode("token-a")).isInstanceOf(JwtValidationException.class);
        assertThat(verifier.calls).hasSize(3);
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterMaxAgeTheJwkCacheLifetime() {
        var cache = new VerifiedTokenCache(verifier, clock, Duration.ofMinutes(5), 100);
        verifier.expiresAt("token-a", START.plus(Duration.ofHours(1)));
        cache.decode("token-a");

        clock.advance(Duration.ofMinutes(4));
        cache.decode("token-a");
        assertThat(verifier.calls).hasSize(1);

        clock.advance(Duration.ofMinutes(1));
        cache.decode("token-a");
        assertThat(verifier.calls).hasSize(2);
    }

    @Test
    void aFailureIsNeverRemembered() {
        var cache = new VerifiedTokenCache(verifier, clock, Duration.ofMinutes(5), 100);

        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verifier.calls).containsExactly("forged", "forged");
        assertThat(cache.size()).isZero();
    }

    @Test
    void theCacheStaysWithinItsBound() {
        var cache = new VerifiedTokenCache(verifier, clock, Duration.ofMinutes(5), 10);
        for (int i = 0; i < 50; i++) {
            verifier.expiresAt("token-" + i, START.plusSeconds(600));
            cache.decode("token-" + i);
        }

        assertThat(cache.size()).isLessThanOrEqualTo(10);
        cache.decode("token-49");
        assertThat(verifier.calls).as("the newest token is still remembered").hasSize(50);
    }

    /** Stands in for the signature and claim checks: accepts the tokens it was told about while they are unexpired. */
    private static final class CountingDecoder implements JwtDecoder {

        private final Clock clock;
        private final java.util.Map<String, Instant> expiries = new java.util.HashMap<>();
        final List<String> calls = new ArrayList<>();

        CountingDecoder(Clock clock) {
            this.clock = clock;
        }

        void expiresAt(String token, Instant exp) {
            expiries.put(token, exp);
        }

        @Override
        public Jwt decode(String token) {
            calls.add(token);
            Instant exp = expiries.get(token);
            if (exp == null) {
                throw new BadJwtException("signature does not verify");
            }
            if (!clock.instant().isBefore(exp)) {
                throw new JwtValidationException("expired", List.of(new OAuth2Error("invalid_token")));
            }
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("member-1")
                    .issuedAt(exp.minusSeconds(3600)).expiresAt(exp).build();
        }
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
