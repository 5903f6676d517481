package dev.toolverdicts.review.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.consumers.RegisteredConsumers;
import dev.toolverdicts.events.CloudEventHeaders;
import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.events.Topics;
import dev.toolverdicts.events.catalog.ToolStatus;
import dev.toolverdicts.publishedtools.PublishedTool;
import dev.toolverdicts.publishedtools.PublishedTools;
import dev.toolverdicts.review.CatalogFeed;
import dev.toolverdicts.testsupport.TopicReader;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

@SpringBootTest
@WithPostgres
@WithKafka
class CatalogToolCopyTest {

    @Autowired
    PublishedTools tools;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    RegisteredConsumers consumers;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    private CatalogFeed catalog;

    @BeforeEach
    void openFeed() {
        catalog = new CatalogFeed(jdbc);
    }

    @AfterEach
    void closeFeed() {
        catalog.close();
    }

    @Test
    void aDuplicateOrAnOlderVersionLeavesTheCopyUnchanged() throws Exception {
        UUID id = UUID.randomUUID();
        String slug = "copy-" + id.toString().substring(0, 8);
        catalog.send(CatalogFeed.event(id, 2, slug, ToolStatus.PUBLISHED));
        catalog.awaitKnown(id, 2);
        double staleBefore = stale();

        catalog.send(CatalogFeed.event(id, 1, slug, ToolStatus.DRAFT));
        catalog.send(CatalogFeed.event(id, 2, slug, ToolStatus.ARCHIVED));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> stale() >= staleBefore + 2);

        assertThat(tools.findBySlug(slug)).hasValue(new PublishedTool(id, slug, ToolStatus.PUBLISHED, 2));

        catalog.send(CatalogFeed.event(id, 3, slug, ToolStatus.ARCHIVED));
        catalog.awaitKnown(id, 3);
        assertThat(tools.findById(id)).get().extracting(PublishedTool::published).isEqualTo(false);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsStillApplied() throws Exception {
        UUID id = UUID.randomUUID();
        String slug = "poison-" + id.toString().substring(0, 8);
        byte[] poison = "{\"toolId\": \"not-a-uuid\", \"version\": ".getBytes(StandardCharsets.UTF_8);
        catalog.send(id.toString(), poison, EventTypes.CATALOG_TOOL.name());
        catalog.send(id.toString(), "{}".getBytes(StandardCharsets.UTF_8), null);
        catalog.send(CatalogFeed.event(id, 1, slug, ToolStatus.PUBLISHED));

        catalog.awaitKnown(id, 1);
        var deadLetters = TopicReader.records(Topics.deadLetter(Topics.CATALOG_TOOL), id.toString(), 2);
        assertThat(deadLetters.get(0).value()).isEqualTo(poison);
        assertThat(deadLetters.get(0).headers().lastHeader(CloudEventHeaders.TYPE)).isNotNull();
        assertThat(deadLetters.get(1).value()).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theCopyIsKeptByTheConsumerGroupReviewServiceDotPublishedTools() {
        assertThat(consumers.byPurpose("published-tools")).get()
                .satisfies(consumer -> {
                    assertThat(consumer.topics()).containsExactly(Topics.CATALOG_TOOL);
                    assertThat(consumer.consumer().groupId("review-service"))
                            .isEqualTo("review-service.published-tools");
                    assertThat(listeners.getListenerContainer(consumer.groupId()).getGroupId())
                            .isEqualTo(consumer.groupId()).endsWith(".published-tools");
                });
    }

    private double stale() {
        return meters.get("events.consumed").tag("service", "review-service").tag("topic", Topics.CATALOG_TOOL)
                .tag("outcome", "stale").counter().count();
    }
}
