package dev.toolverdicts.newsletter.subscription;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the signed links in mails.
 *
 * @param secret the HMAC key; links signed with another key are rejected
 * @param confirmTtl how long a confirmation link stays valid
 */
@ConfigurationProperties("newsletter.tokens")
record TokenProperties(String secret, @DefaultValue("48h") Duration confirmTtl) {

    TokenProperties {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("newsletter.tokens.secret must have at least 32 characters");
        }
    }
}
