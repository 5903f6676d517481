package dev.toolverdicts.comparison.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.comparison.store.ViewGenerations;
import dev.toolverdicts.comparison.tool.ToolViews;
import dev.toolverdicts.events.Topics;
import dev.toolverdicts.events.catalog.ToolEvent;
import dev.toolverdicts.events.catalog.ToolStatus;
import dev.toolverdicts.events.vote.VoteTallyEvent;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A poll's events are applied together: of one tool's tallies only the newest version lands (whatever their order in
 * the batch), and its view is announced once for the batch, not once per event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "spring.kafka.listener.auto-startup=false")
@WithPostgres
@WithKafka
class BatchedApplyTest {

    @Autowired
    ProjectionApplier applier;

    @Autowired
    ViewGenerations generations;

    @Autowired
    ToolViews tools;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twentyTalliesOfOneToolInOneBatchGiveTheLastVersionAndOneViewChange() {
        UUID toolId = UUID.randomUUID();
        String slug = "tool-" + toolId.toString().substring(0, 8);
        assertThat(applier.apply(tool(toolId, slug))).isTrue();
        long announcedBefore = announced(toolId);
        List<Object> batch = new ArrayList<>();
        for (long version = 1; version <= 20; version++) {
            batch.add(new VoteTallyEvent(toolId, version, slug, version, 20 - version, 0, Instant.now()));
        }
        Collections.shuffle(batch, new Random(21));

        List<Boolean> outcomes = applier.applyAll(batch);

        assertThat(outcomes).hasSize(20).containsOnly(true);
        var view = tools.load(generations.active(), slug).orElseThrow();
        assertThat(view.communityVersion()).isEqualTo(20);
        assertThat(view.community().ship()).isEqualTo(20);
        assertThat(announced(toolId) - announcedBefore).as("view changes announced for the batch").isEqualTo(1);
    }

    @Test
    void aBatchOfDuplicatesAndOlderVersionsChangesNothingAndAnnouncesNothing() {
        UUID toolId = UUID.randomUUID();
        String slug = "tool-" + toolId.toString().substring(0, 8);
        applier.apply(tool(toolId, slug));
        applier.apply(new VoteTallyEvent(toolId, 5, slug, 5, 0, 0, Instant.now()));
        long announcedBefore = announced(toolId);

        List<Boolean> outcomes = applier.applyAll(List.of(
                new VoteTallyEvent(toolId, 3, slug, 3, 0, 0, Instant.now()),
                new VoteTallyEvent(toolId, 5, slug, 5, 0, 0, Instant.now()),
                new VoteTallyEvent(toolId, 4, slug, 4, 0, 0, Instant.now())));

        assertThat(outcomes).containsExactly(false, false, false);
        assertThat(tools.load(generations.active(), slug).orElseThrow().communityVersion()).isEqualTo(5);
        assertThat(announced(toolId)).isEqualTo(announcedBefore);
    }

    @Test
    void eventsOfSeveralKeysAndTopicsInOneBatchAreEachApplied() {
        UUID one = UUID.randomUUID();
        UUID two = UUID.randomUUID();
        String slugOne = "tool-" + one.toString().substring(0, 8);
        String slugTwo = "tool-" + two.toString().substring(0, 8);

        List<Boolean> outcomes = applier.applyAll(List.of(tool(one, slugOne),
                new VoteTallyEvent(one, 1, slugOne, 1, 0, 0, Instant.now()), tool(two, slugTwo),
                new VoteTallyEvent(one, 2, slugOne, 1, 1, 0, Instant.now()),
                new VoteTallyEvent(two, 1, slugTwo, 0, 1, 0, Instant.now())));

        assertThat(outcomes).containsOnly(true);
        assertThat(tools.load(generations.active(), slugOne).orElseThrow().communityVersion()).isEqualTo(2);
        assertThat(tools.load(generations.active(), slugTwo).orElseThrow().communityVersion()).isEqualTo(1);
        assertThat(announced(one)).as("one view change for tool one, though two topics changed it").isEqualTo(1);
        assertThat(announced(two)).isEqualTo(1);
    }

    private long announced(UUID id) {
        return jdbc.sql("select count(*) from outbox_event where topic = ? and message_key = ?")
                .params(Topics.COMPARISON_VIEW, id.toString())
                .query(Long.class).single();
    }

    private static ToolEvent tool(UUID id, String slug) {
        return new ToolEvent(id, 1, slug, "Name " + slug, "Vendor", "Developer Tools", "A tagline", null,
                "Apache-2.0", ToolStatus.PUBLISHED, Instant.now());
    }
}
