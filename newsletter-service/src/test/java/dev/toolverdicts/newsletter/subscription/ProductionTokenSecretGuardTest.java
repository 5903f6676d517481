package dev.toolverdicts.newsletter.subscription;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The production start check of the link secret, on its own: the dev default and look-alikes are refused. */
class ProductionTokenSecretGuardTest {

    @Test
    void theDevDefaultAndPlaceholdersAreRefusedNamingTheProperty() {
        for (String weak : new String[] {"dev-only-newsletter-token-secret-change-me",
                "CHANGE-ME-CHANGE-ME-CHANGE-ME-CHANGE-ME", "abababababababababababababababab"}) {
            assertThatThrownBy(() -> new ProductionTokenSecretGuard(new TokenProperties(weak, Duration.ofHours(48))))
                    .as(weak).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("newsletter.tokens.secret").hasMessageContaining("NEWSLETTER_TOKEN_SECRET");
        }
    }

    @Test
    void aRandomSecretPasses() {
        assertThatCode(() -> new ProductionTokenSecretGuard(new TokenProperties("q8Zr2Lw7Xp4Kv9Nd1Jf6Hb3Gm0Ct5YeQ",
                Duration.ofHours(48)))).doesNotThrowAnyException();
    }
}
