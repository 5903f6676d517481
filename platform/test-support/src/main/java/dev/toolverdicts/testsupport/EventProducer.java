package dev.toolverdicts.testsupport;

import dev.toolverdicts.events.CloudEventHeaders;
import dev.toolverdicts.events.EventCodec;
import dev.toolverdicts.events.EventType;
import dev.toolverdicts.events.EventTypes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays a source service in tests: publishes contract events to the shared test broker the way the outbox relay
 * does ({@code send(EventTypes.X, event)}: the type's topic and key, CloudEvents headers, JSON body), or raw bytes
 * for poison records. Sends are asynchronous, in order per key; {@link #flush()} returns once Kafka acknowledged
 * every send so far and fails if it refused one.
 */
public final class EventProducer implements AutoCloseable {

    private static final byte[] SOURCE = utf8("/tool-verdicts/test");

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
            ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer());
    private final List<Future<RecordMetadata>> pending = new ArrayList<>();

    /** Publishes {@code event} on its type's topic under the key and subject the type derives from it. */
    public <T> void send(EventType<T> type, T event) {
        send(record(type.topic(), type.keyOf(event), EventCodec.encode(event), type.name(), type.subjectOf(event)));
    }

    /** Publishes a contract event of any type, found by its record class: for mixed lists of events. */
    @SuppressWarnings("unchecked")
    public void sendAny(Object event) {
        EventType<Object> type = (EventType<Object>) EventTypes.all().stream()
                .filter(candidate -> candidate.payload() == event.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a contract event: " + event.getClass()));
        send(type, event);
    }

    /** Sends bytes as they are; a {@code null} ceType leaves the type header out (a record no consumer can read). */
    public void sendRaw(String topic, String key, byte[] body, String ceType) {
        send(record(topic, key, body, ceType, null));
    }

    /** Waits until Kafka acknowledged every record sent so far; fails if it refused one. */
    public void flush() {
        producer.flush();
        List<Future<RecordMetadata>> sent;
        synchronized (pending) {
            sent = List.copyOf(pending);
            pending.clear();
        }
        for (Future<RecordMetadata> send : sent) {
            try {
                send.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Kafka did not acknowledge a test record", e.getCause());
            }
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    private void send(ProducerRecord<String, byte[]> record) {
        Future<RecordMetadata> send = producer.send(record);
        synchronized (pending) {
            pending.add(send);
        }
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, byte[] body, String ceType,
            String subject) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, body);
        record.headers().add(CloudEventHeaders.SPEC_VERSION, utf8(CloudEventHeaders.SPEC_VERSION_1_0));
        record.headers().add(CloudEventHeaders.ID, utf8(UUID.randomUUID().toString()));
        record.headers().add(CloudEventHeaders.SOURCE, SOURCE);
        if (ceType != null) {
            record.headers().add(CloudEventHeaders.TYPE, utf8(ceType));
        }
        record.headers().add(CloudEventHeaders.TIME, utf8(DateTimeFormatter.ISO_INSTANT.format(Instant.now())));
        if (subject != null) {
            record.headers().add(CloudEventHeaders.SUBJECT, utf8(subject));
        }
        record.headers().add(CloudEventHeaders.CONTENT_TYPE, utf8(CloudEventHeaders.JSON));
        return record;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
