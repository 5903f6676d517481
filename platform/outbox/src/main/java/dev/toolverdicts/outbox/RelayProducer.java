package dev.toolverdicts.outbox;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/**
 * The relay's own idempotent producer, deliberately not a {@code ProducerFactory} bean so that the service's
 * {@code KafkaTemplate} neither uses nor replaces it.
 */
class RelayProducer implements AutoCloseable {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final DefaultKafkaProducerFactory<String, byte[]> factory;

    RelayProducer(Map<String, Object> configuration) {
        this.factory = new DefaultKafkaProducerFactory<>(configuration);
        this.factory.setPhysicalCloseTimeout((int) CLOSE_TIMEOUT.toSeconds());
    }

    /** The configuration the producer is created with. */
    Map<String, Object> configuration() {
        return factory.getConfigurationProperties();
    }

    /** Sends asynchronously; a send that fails before reaching the producer's buffer gives a failed future. */
    Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        try {
            return producer().send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    void flush() {
        producer().flush();
    }

    /** Drops the current producer after a failure; the next send starts a fresh one. */
    void reset() {
        factory.reset();
    }

    @Override
    public void close() {
        factory.destroy();
    }

    private Producer<String, byte[]> producer() {
        return factory.createProducer();
    }
}
