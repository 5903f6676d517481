package dev.toolverdicts.newsletter.subscription;

import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a production instance (anything without the dev profile: Kubernetes sets no profile) whose link
 * secret is the published dev default or another placeholder: anyone could otherwise sign confirm and unsubscribe
 * links for any subscriber.
 */
@Component
@Profile("!dev")
class ProductionTokenSecretGuard {

    private static final List<String> PLACEHOLDER_MARKERS = List.of("change-me", "changeme", "change_me", "dev-only",
            "dev-secret", "placeholder", "example", "replace");

    ProductionTokenSecretGuard(TokenProperties properties) {
        String lower = properties.secret().toLowerCase(Locale.ROOT);
        PLACEHOLDER_MARKERS.stream().filter(lower::contains).findFirst().ifPresent(marker -> {
            throw new IllegalStateException("newsletter.tokens.secret (env NEWSLETTER_TOKEN_SECRET) is a default or "
                    + "placeholder value (contains \"" + marker + "\"); set a random value of at least 32 bytes");
        });
        if (properties.secret().chars().distinct().count() < 10) {
            throw new IllegalStateException("newsletter.tokens.secret (env NEWSLETTER_TOKEN_SECRET) uses fewer than "
                    + "10 different characters; set a random value of at least 32 bytes");
        }
    }
}
