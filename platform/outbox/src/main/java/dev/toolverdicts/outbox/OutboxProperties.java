package dev.toolverdicts.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox and its relay.
 *
 * @param enabled whether the outbox and its relay are configured at all
 * @param pollInterval how long the relay waits for new rows when no commit woke it up
 * @param batchSize how many rows one drain transaction claims and publishes
 * @param retention how long published rows are kept before they are deleted
 * @param maxBackoff the longest pause between retries while Kafka does not acknowledge
 */
@ConfigurationProperties("outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("5s") Duration maxBackoff) {
}
