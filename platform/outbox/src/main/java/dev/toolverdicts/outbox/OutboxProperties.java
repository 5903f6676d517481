package dev.toolverdicts.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox and its relay.
 *
 * @param enabled whether the outbox and its relay are configured at all
 * @param pollInterval how long the relay waits for new rows when no commit woke it up
 * @param batchSize how many rows one drain transaction claims and publishes. 500: per batch the relay waits once for
 *        Kafka's acknowledgements and marks the rows in one UPDATE; with 100 a backlog drained at 0.28-0.39x of
 *        Kafka's ProducerPerformance, with 500 at 0.71-0.94x (benchmark 5, perf mode)
 * @param retention how long published rows are kept before they are deleted
 * @param maxBackoff the longest pause between retries while Kafka does not acknowledge
 * @param batchIdleTimeout how long PostgreSQL lets a drain transaction sit idle before it ends its session (its
 *        {@code idle_in_transaction_session_timeout}): bounds how long a relay that stopped answering without closing
 *        its connection (a lost node, a frozen process) keeps the relay lock and its claimed rows from the other
 *        instances. Longer than the relay producer's own waits (10 s to buffer, 30 s to deliver), so a working batch
 *        is not cut off
 */
@ConfigurationProperties("outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("500") int batchSize,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("5s") Duration maxBackoff,
        @DefaultValue("60s") Duration batchIdleTimeout) {
}
