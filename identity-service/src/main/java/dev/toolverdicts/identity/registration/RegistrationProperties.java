package dev.toolverdicts.identity.registration;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Self-registration settings: the public base URL of the links in mails, the HMAC secret that signs them (at least
 * 32 bytes), how long a link stays valid, and the mails' sender.
 */
@ConfigurationProperties("identity.registration")
public record RegistrationProperties(
        String publicUrl,
        String linkSecret,
        @DefaultValue("24h") Duration linkTtl,
        @DefaultValue("no-reply@toolverdicts.dev") String mailFrom) {

    public RegistrationProperties {
        if (publicUrl == null || publicUrl.isBlank()) {
            throw new IllegalArgumentException("identity.registration.public-url is required");
        }
        if (linkSecret == null || linkSecret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("identity.registration.link-secret must be at least 32 bytes");
        }
        publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }
}
