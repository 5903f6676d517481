package dev.toolverdicts.vote.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.consumers.RegisteredConsumers;
import dev.toolverdicts.events.Topics;
import dev.toolverdicts.events.catalog.ToolStatus;
import dev.toolverdicts.vote.CatalogFeed;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/** vote-service keeps the platform's copy of published tools, with an empty tally row for every tool that lands. */
@SpringBootTest
@WithPostgres
@WithKafka
@WithJwtIssuer
class VoteToolCopyTest {

    private static final CatalogFeed CATALOG = new CatalogFeed();

    @Autowired
    VotableTools tools;

    @Autowired
    RegisteredConsumers consumers;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void closeFeed() {
        CATALOG.close();
    }

    @Test
    void theCopyIsKeptByTheConsumerGroupVoteServiceDotPublishedTools() {
        assertThat(consumers.byPurpose("published-tools")).get().satisfies(consumer -> {
            assertThat(consumer.topics()).containsExactly(Topics.CATALOG_TOOL);
            assertThat(consumer.consumer().groupId("vote-service")).isEqualTo("vote-service.published-tools");
            assertThat(listeners.getListenerContainer(consumer.groupId()).getGroupId())
                    .isEqualTo(consumer.groupId()).endsWith(".published-tools");
        });
    }

    @Test
    void aLandedToolGetsOneEmptyTallyRowAndADuplicateIsCountedStale() {
        UUID id = UUID.randomUUID();
        String slug = "copy-" + id.toString().substring(0, 8);
        CATALOG.tool(id, 1, slug, ToolStatus.PUBLISHED);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> tools.find(slug).isPresent());
        double staleBefore = stale();

        CATALOG.tool(id, 1, slug, ToolStatus.ARCHIVED);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> stale() >= staleBefore + 1);

        assertThat(tools.find(slug)).get().satisfies(tool -> {
            assertThat(tool.toolId()).isEqualTo(id);
            assertThat(tool.catalogVersion()).isEqualTo(1);
        });
        assertThat(jdbc.sql("select count(*) from tally where tool_id = ? and ship = 0 and skip = 0 and version = 0")
                .param(id).query(Long.class).single()).isEqualTo(1);
    }

    private double stale() {
        return meters.get("events.consumed").tag("service", "vote-service").tag("topic", Topics.CATALOG_TOOL)
                .tag("outcome", "stale").counter().count();
    }
}
