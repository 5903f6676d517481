package dev.toolverdicts.outbox;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The outbox's own meters: backlog of unpublished rows, append-to-ack latency, failed sends. */
final class OutboxMetrics {

    private final Timer publishLatency;
    private final Counter publishFailures;

    OutboxMetrics(MeterRegistry registry, OutboxRepository repository) {
        Gauge.builder("outbox.backlog", repository, OutboxRepository::countUnpublished)
                .description("Outbox rows not yet acknowledged by Kafka")
                .register(registry);
        this.publishLatency = Timer.builder("outbox.publish.latency")
                .description("Time from append to Kafka's acknowledgement")
                .publishPercentileHistogram()
                .register(registry);
        this.publishFailures = Counter.builder("outbox.publish.failures")
                .description("Outbox rows whose send Kafka did not acknowledge")
                .register(registry);
    }

    void published(Instant appendedAt, Instant acknowledgedAt) {
        publishLatency.record(Duration.between(appendedAt, acknowledgedAt).abs());
    }

    void failed() {
        publishFailures.increment();
    }
}
