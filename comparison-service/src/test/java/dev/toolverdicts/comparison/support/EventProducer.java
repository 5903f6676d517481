package dev.toolverdicts.comparison.support;

import dev.toolverdicts.events.CloudEventHeaders;
import dev.toolverdicts.events.EventCodec;
import dev.toolverdicts.events.EventType;
import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.events.catalog.MatchupEvent;
import dev.toolverdicts.events.catalog.ToolEvent;
import dev.toolverdicts.events.review.ReviewerEvent;
import dev.toolverdicts.events.review.VerdictEvent;
import dev.toolverdicts.events.vote.VoteTallyEvent;
import dev.toolverdicts.testsupport.TestKafka;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes contract events the way the source services do: keyed by aggregate id, CloudEvents headers, JSON body. */
public final class EventProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
            ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer());

    public void send(Object event) {
        EventType<?> type = EventTypes.all().stream().filter(t -> t.payload() == event.getClass()).findFirst()
                .orElseThrow();
        sendRaw(type.topic(), key(event), EventCodec.encode(event), type.name());
    }

    /** Sends bytes as they are; a {@code null} ceType leaves the type header out (a record no consumer can read). */
    public void sendRaw(String topic, String key, byte[] body, String ceType) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, body);
        record.headers().add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        if (ceType != null) {
            record.headers().add(CloudEventHeaders.TYPE, ceType.getBytes(StandardCharsets.UTF_8));
        }
        producer.send(record);
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }

    private static String key(Object event) {
        return switch (event) {
            case ToolEvent tool -> tool.toolId().toString();
            case VerdictEvent verdict -> verdict.toolId().toString();
            case VoteTallyEvent tally -> tally.toolId().toString();
            case ReviewerEvent reviewer -> reviewer.reviewerId().toString();
            case MatchupEvent matchup -> matchup.matchupId().toString();
            default -> throw new IllegalArgumentException(event.getClass().getName());
        };
    }
}
