package dev.toolverdicts.newsletter.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the issue sender.
 *
 * @param batchSize how many deliveries one claim takes and one SMTP connection sends
 * @param maxAttempts SMTP attempts per mail before a transient failure counts as failed
 * @param initialBackoff the pause after the first transient failure, doubled after each further one
 * @param maxBackoff the longest pause between attempts
 */
@ConfigurationProperties("newsletter.delivery")
public record DeliveryProperties(
        @DefaultValue("100") int batchSize,
        @DefaultValue("4") int maxAttempts,
        @DefaultValue("500ms") Duration initialBackoff,
        @DefaultValue("10s") Duration maxBackoff) {
}
