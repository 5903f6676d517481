package dev.toolverdicts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolverdicts.events.vote.VoteTallyEvent;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins how each event type addresses its events: topic, Kafka key (the aggregate id) and {@code ce_subject}, as the
 * producers published them before the addressing moved into {@link EventTypes}.
 */
class EventAddressingTest {

    private static final String TOOL = "7b1c6f0e-2f4a-4c55-9a57-3c1d2e8f9a10";

    static Stream<Arguments> addresses() {
        return Stream.of(
                Arguments.of(EventTypes.CATALOG_TOOL, "catalog.tool.v1", "catalog.tool.v1", TOOL, "smolvlm-3b"),
                Arguments.of(EventTypes.CATALOG_MATCHUP, "catalog.matchup.v1", "catalog.matchup.v1",
                        "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", "smolvlm-3b-vs-code-llama-4"),
                Arguments.of(EventTypes.VOTE_TALLY, "vote.tally.v1", "vote.tally.v1", TOOL, "smolvlm-3b"),
                Arguments.of(EventTypes.REVIEW_REVIEWER, "review.reviewer.v1", "review.reviewer.v1",
                        "3f2a9c1e-8d4b-4e7a-b1c2-5d6e7f8a9b0c", "3f2a9c1e-8d4b-4e7a-b1c2-5d6e7f8a9b0c"),
                Arguments.of(EventTypes.REVIEW_VERDICT, "review.verdict.v1", "review.verdict.v1", TOOL,
                        "c0ffee00-1234-4abc-8def-0123456789ab"),
                Arguments.of(EventTypes.COMPARISON_VIEW, "comparison.view.v1", "comparison.view.v1", TOOL,
                        "smolvlm-3b"),
                Arguments.of(EventTypes.NEWSLETTER_ISSUE, "newsletter.issue.v1", "newsletter.issue.v1", "2026-W48",
                        "2026-W48"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("addresses")
    <T> void addressesItsEventsByAggregateId(EventType<T> type, String fixture, String topic, String key,
            String subject) throws IOException {
        T event = EventCodec.decode(fixture(fixture), type.payload());
        assertThat(type.topic()).isEqualTo(topic);
        assertThat(type.name()).isEqualTo("dev.toolverdicts." + topic);
        assertThat(type.keyOf(event)).isEqualTo(key);
        assertThat(type.subjectOf(event)).isEqualTo(subject);
    }

    @Test
    void everyTypeOfTheTableIsPinnedHere() {
        assertThat(addresses().map(arguments -> arguments.get()[0])).containsExactlyInAnyOrderElementsOf(EventTypes.all());
    }

    @Test
    void refusesAnEventWithoutKey() {
        EventType<VoteTallyEvent> keyless = new EventType<>("t", "n", VoteTallyEvent.class, event -> null,
                event -> null);
        assertThatThrownBy(() -> keyless.keyOf(new VoteTallyEvent(null, 1, null, 0, 0, 0, null)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("without a key");
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = EventAddressingTest.class.getResourceAsStream("/contract/" + name + ".json")) {
            return in.readAllBytes();
        }
    }
}
