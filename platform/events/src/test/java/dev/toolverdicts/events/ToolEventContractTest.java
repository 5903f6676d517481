package dev.toolverdicts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolverdicts.events.catalog.ToolEvent;
import dev.toolverdicts.events.catalog.ToolStatus;
import dev.toolverdicts.events.kafka.EventDeserializer;
import dev.toolverdicts.events.kafka.EventSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Pins the JSON of {@code catalog.tool.v1}: a change that breaks this test breaks every consumer. */
class ToolEventContractTest {

    private static final ToolEvent SMOLVLM = new ToolEvent(
            UUID.fromString("7b1c6f0e-2f4a-4c55-9a57-3c1d2e8f9a10"),
            3,
            "smolvlm-3b",
            "SmolVLM-3B",
            "Hugging Face",
            "Vision-Language Models",
            "3B vision-language model small enough for one GPU",
            "A compact vision-language model that reads images and documents on a single GPU.",
            "Apache-2.0",
            ToolStatus.PUBLISHED,
            Instant.parse("2026-11-23T09:15:00Z"));

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void encodesExactlyTheFixture() throws IOException {
        assertThat(json.readTree(EventCodec.encode(SMOLVLM))).isEqualTo(json.readTree(fixture()));
    }

    @Test
    void decodesTheFixture() throws IOException {
        assertThat(EventCodec.decode(fixture(), ToolEvent.class)).isEqualTo(SMOLVLM);
    }

    @Test
    void ignoresFieldsAddedLaterWithinV1() throws IOException {
        String withNewField = new String(fixture(), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"popularity\": {\"rank\": 1}, ");
        assertThat(EventCodec.decode(withNewField.getBytes(StandardCharsets.UTF_8), ToolEvent.class))
                .isEqualTo(SMOLVLM);
    }

    @Test
    void leavesOutAbsentOptionalFields() {
        ToolEvent noDescription = new ToolEvent(SMOLVLM.toolId(), 1, "smolvlm-3b", "SmolVLM-3B", "Hugging Face",
                "Vision-Language Models", "tagline", null, null, ToolStatus.DRAFT, SMOLVLM.changedAt());
        String encoded = new String(EventCodec.encode(noDescription), StandardCharsets.UTF_8);
        assertThat(encoded).doesNotContain("description").doesNotContain("license");
    }

    @Test
    void kafkaSerdeRoundTripsByCeType() throws IOException {
        var headers = new RecordHeaders();
        headers.add(CloudEventHeaders.TYPE, EventTypes.CATALOG_TOOL.name().getBytes(StandardCharsets.UTF_8));
        byte[] bytes = new EventSerializer().serialize(Topics.CATALOG_TOOL, SMOLVLM);
        assertThat(new EventDeserializer().deserialize(Topics.CATALOG_TOOL, headers, bytes)).isEqualTo(SMOLVLM);
        assertThat(new EventDeserializer().deserialize(Topics.CATALOG_TOOL, headers, fixture())).isEqualTo(SMOLVLM);
    }

    @Test
    void rejectsWhatIsNotTheContract() {
        var headers = new RecordHeaders();
        assertThatThrownBy(() -> new EventDeserializer().deserialize(Topics.CATALOG_TOOL, headers, fixtureUnchecked()))
                .isInstanceOf(EventCodecException.class).hasMessageContaining("ce_type");
        headers.add(CloudEventHeaders.TYPE, EventTypes.CATALOG_TOOL.name().getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new EventDeserializer().deserialize(Topics.CATALOG_TOOL, headers,
                "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventCodecException.class);
    }

    private static byte[] fixture() throws IOException {
        try (InputStream in = ToolEventContractTest.class.getResourceAsStream("/contract/catalog.tool.v1.json")) {
            return in.readAllBytes();
        }
    }

    private static byte[] fixtureUnchecked() {
        try {
            return fixture();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
