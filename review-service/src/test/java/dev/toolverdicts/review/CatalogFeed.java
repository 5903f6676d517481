package dev.toolverdicts.review;

import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.events.catalog.ToolEvent;
import dev.toolverdicts.events.catalog.ToolStatus;
import dev.toolverdicts.testsupport.EventProducer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Plays the catalog service: sends {@code catalog.tool.v1} records and waits until the review service holds them. */
public final class CatalogFeed implements AutoCloseable {

    private final EventProducer producer = new EventProducer();
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

    public void send(ToolEvent event) {
        producer.send(EventTypes.CATALOG_TOOL, event);
        producer.flush();
    }

    /** Sends bytes as they are on {@code catalog.tool.v1}; a {@code null} ceType leaves the type header out. */
    public void send(String key, byte[] body, String ceType) {
        producer.sendRaw(EventTypes.CATALOG_TOOL.topic(), key, body, ceType);
        producer.flush();
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
