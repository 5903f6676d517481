package dev.toolverdicts.review;

import dev.toolverdicts.events.CloudEventHeaders;
import dev.toolverdicts.events.EventCodec;
import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.events.Topics;
import dev.toolverdicts.events.catalog.ToolEvent;
import dev.toolverdicts.events.catalog.ToolStatus;
import dev.toolverdicts.testsupport.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Plays the catalog service: sends {@code catalog.tool.v1} records and waits until the review service holds them. */
public final class CatalogFeed implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
            ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer());
    private final JdbcClient jdbc;

    public CatalogFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new tool published under {@code slug}, once the review service knows it. */
    public UUID published(String slug) throws Exception {
        UUID id = UUID.randomUUID();
        send(event(id, 1, slug, ToolStatus.PUBLISHED));
        awaitKnown(id, 1);
        return id;
    }

    public static ToolEvent event(UUID id, long version, String slug, ToolStatus status) {
        return new ToolEvent(id, version, slug, "Tool " + slug, "Vendor", "Developer Tools", "A tagline", null,
                "Apache-2.0", status, Instant.now());
    }

    public void send(ToolEvent event) throws ExecutionException, InterruptedException {
        send(event.toolId().toString(), EventCodec.encode(event), EventTypes.CATALOG_TOOL.name());
    }

    public void send(String key, byte[] body, String ceType) throws ExecutionException, InterruptedException {
        var record = new ProducerRecord<>(Topics.CATALOG_TOOL, key, body);
        record.headers().add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        if (ceType != null) {
            record.headers().add(CloudEventHeaders.TYPE, ceType.getBytes(StandardCharsets.UTF_8));
        }
        producer.send(record).get();
    }

    /** Waits until the local copy of tool {@code id} is at {@code version}. */
    public void awaitKnown(UUID id, long version) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
                .sql("select count(*) from published_tool where tool_id = ? and catalog_version = ?")
                .params(id, version).query(Long.class).single() == 1);
    }

    @Override
    public void close() {
        producer.close();
    }
}
