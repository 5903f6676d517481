package dev.toolverdicts.events.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.events.CloudEventHeaders;
import dev.toolverdicts.events.EventCodec;
import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.events.Topics;
import dev.toolverdicts.events.kafka.EventDeserializer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Pins the JSON of {@code comparison.view.v1}: a change that breaks this test breaks every consumer of the feed. */
class ViewChangedEventContractTest {

    private static final ViewChangedEvent SMOLVLM = new ViewChangedEvent(ViewChangedEvent.Kind.TOOL,
            UUID.fromString("7b1c6f0e-2f4a-4c55-9a57-3c1d2e8f9a10"), "smolvlm-3b", false, "review.verdict.v1",
            Instant.parse("2026-11-23T10:30:00Z"), Instant.parse("2026-11-23T10:30:00.012Z"));

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void encodesExactlyTheFixtureAndDecodesIt() throws IOException {
        assertThat(json.readTree(EventCodec.encode(SMOLVLM))).isEqualTo(json.readTree(fixture()));
        assertThat(EventCodec.decode(fixture(), ViewChangedEvent.class)).isEqualTo(SMOLVLM);
    }

    @Test
    void ignoresFieldsAddedLaterWithinV1() throws IOException {
        String withNewField = new String(fixture(), StandardCharsets.UTF_8).replaceFirst("\\{", "{\"etag\": \"x\", ");
        assertThat(EventCodec.decode(withNewField.getBytes(StandardCharsets.UTF_8), ViewChangedEvent.class))
                .isEqualTo(SMOLVLM);
    }

    @Test
    void travelsOnItsTopicUnderItsCeType() throws IOException {
        assertThat(EventTypes.COMPARISON_VIEW.topic()).isEqualTo(Topics.COMPARISON_VIEW).isEqualTo("comparison.view.v1");
        var headers = new RecordHeaders();
        headers.add(CloudEventHeaders.TYPE, EventTypes.COMPARISON_VIEW.name().getBytes(StandardCharsets.UTF_8));
        assertThat(new EventDeserializer().deserialize(Topics.COMPARISON_VIEW, headers, fixture())).isEqualTo(SMOLVLM);
    }

    private static byte[] fixture() throws IOException {
        try (InputStream in = ViewChangedEventContractTest.class.getResourceAsStream(
                "/contract/comparison.view.v1.json")) {
            return in.readAllBytes();
        }
    }
}
