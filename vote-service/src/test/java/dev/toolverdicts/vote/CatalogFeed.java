package dev.toolverdicts.vote;

import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.events.catalog.ToolEvent;
import dev.toolverdicts.events.catalog.ToolStatus;
import dev.toolverdicts.testsupport.EventProducer;
import dev.toolverdicts.testsupport.TestKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** Plays the catalog in tests (publishes {@code catalog.tool.v1}) and reads what vote-service publishes. */
public final class CatalogFeed implements AutoCloseable {

    private final EventProducer producer = new EventProducer();

    /** Publishes a tool at this version and status; returns its id. */
    public UUID tool(UUID id, long version, String slug, ToolStatus status) {
        ToolEvent event = new ToolEvent(id, version, slug, "Tool " + slug, "Vendor", "Developer Tools", "A tagline",
                null, "Apache-2.0", status, Instant.now());
        producer.send(EventTypes.CATALOG_TOOL, event);
        producer.flush();
        return id;
    }

    /** Sends bytes as they are on {@code catalog.tool.v1}; a {@code null} ceType leaves the type header out. */
    public void sendRaw(String key, byte[] body, String ceType) {
        producer.sendRaw(EventTypes.CATALOG_TOOL.topic(), key, body, ceType);
        producer.flush();
    }

    /** Reads {@code topic} from the start until {@code expected} records with this key arrived. */
    public static List<ConsumerRecord<String, byte[]>> records(String topic, String key, int expected) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "vote-test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return found.size() >= expected;
            });
        }
        return found;
    }

    @Override
    public void close() {
        producer.close();
    }
}
