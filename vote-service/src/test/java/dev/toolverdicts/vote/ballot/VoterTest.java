package dev.toolverdicts.vote.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class VoterTest {

    @Test
    void readsTheAccountCreationTimeWhenTheTokenCarriesIt() {
        assertThat(Voter.of(jwt(1_764_000_000L)).accountCreatedAt()).isEqualTo(Instant.ofEpochSecond(1_764_000_000L));
        assertThat(Voter.of(jwt("2026-11-23T09:15:00Z")).accountCreatedAt())
                .isEqualTo(Instant.parse("2026-11-23T09:15:00Z"));
        assertThat(Voter.of(jwt("yesterday")).accountCreatedAt()).isNull();
        Jwt without = Jwt.withTokenValue("t").header("alg", "RS256").subject("member-1").build();
        assertThat(Voter.of(without)).isEqualTo(new Voter("member-1", null));
    }

    private static Jwt jwt(Object createdAt) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("member-1")
                .claim(Voter.ACCOUNT_CREATED_AT, createdAt).build();
    }
}
