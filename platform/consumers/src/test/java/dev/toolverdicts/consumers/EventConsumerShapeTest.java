package dev.toolverdicts.consumers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolverdicts.events.EventTypes;
import org.junit.jupiter.api.Test;

/** What a consumer is made of: a purpose that names its group, and at most one handler per event type. */
class EventConsumerShapeTest {

    @Test
    void theGroupIdIsTheServiceAndThePurposeAndTheTopicsComeFromTheHandlers() {
        EventConsumer consumer = EventConsumer.of("digest-feed",
                EventHandler.of(EventTypes.VOTE_TALLY, event -> true),
                EventHandler.of(EventTypes.CATALOG_TOOL, event -> true),
                EventHandler.of(EventTypes.CATALOG_MATCHUP, event -> true));

        assertThat(consumer.groupId("newsletter-service")).isEqualTo("newsletter-service.digest-feed");
        assertThat(consumer.topics()).containsExactly("catalog.matchup.v1", "catalog.tool.v1", "vote.tally.v1");
    }

    @Test
    void aConsumerNeedsAPurposeOfLowerCaseWordsAndAtLeastOneHandlerOfEachTypeAtMostOnce() {
        assertThatThrownBy(() -> EventConsumer.of("Digest Feed", EventHandler.of(EventTypes.VOTE_TALLY, e -> true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Digest Feed");
        assertThatThrownBy(() -> EventConsumer.of("empty")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no handlers");
        assertThatThrownBy(() -> EventConsumer.of("twice", EventHandler.of(EventTypes.VOTE_TALLY, e -> true),
                EventHandler.of(EventTypes.VOTE_TALLY, e -> false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(EventTypes.VOTE_TALLY.name());
    }
}
