package dev.toolverdicts.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.events.kafka.EventDeserializer;
import dev.toolverdicts.events.kafka.EventSerializer;
import dev.toolverdicts.events.vote.VoteTallyEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Pins the JSON of {@code vote.tally.v1}: a change that breaks this test breaks every consumer. */
class VoteTallyEventContractTest {

    private static final VoteTallyEvent SMOLVLM = new VoteTallyEvent(
            UUID.fromString("7b1c6f0e-2f4a-4c55-9a57-3c1d2e8f9a10"),
            47,
            "smolvlm-3b",
            31,
            9,
            2,
            Instant.parse("2026-11-23T10:42:07.123456Z"));

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void encodesExactlyTheFixture() throws IOException {
        assertThat(json.readTree(EventCodec.encode(SMOLVLM))).isEqualTo(json.readTree(fixture()));
    }

    @Test
    void decodesTheFixture() throws IOException {
        assertThat(EventCodec.decode(fixture(), VoteTallyEvent.class)).isEqualTo(SMOLVLM);
    }

    @Test
    void ignoresFieldsAddedLaterWithinV1() throws IOException {
        String withNewField = new String(fixture(), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"rejected\": 4, ");
        assertThat(EventCodec.decode(withNewField.getBytes(StandardCharsets.UTF_8), VoteTallyEvent.class))
                .isEqualTo(SMOLVLM);
    }

    @Test
    void travelsOnItsCompactedTopicUnderItsCeType() throws IOException {
        assertThat(EventTypes.VOTE_TALLY.topic()).isEqualTo("vote.tally.v1");
        assertThat(EventTypes.byName("dev.toolverdicts.vote.tally.v1")).contains(EventTypes.VOTE_TALLY);
        var headers = new RecordHeaders();
        headers.add(CloudEventHeaders.TYPE, EventTypes.VOTE_TALLY.name().getBytes(StandardCharsets.UTF_8));
        byte[] bytes = new EventSerializer().serialize(Topics.VOTE_TALLY, SMOLVLM);
        assertThat(new EventDeserializer().deserialize(Topics.VOTE_TALLY, headers, bytes)).isEqualTo(SMOLVLM);
        assertThat(new EventDeserializer().deserialize(Topics.VOTE_TALLY, headers, fixture())).isEqualTo(SMOLVLM);
    }

    private static byte[] fixture() throws IOException {
        try (InputStream in = VoteTallyEventContractTest.class.getResourceAsStream("/contract/vote.tally.v1.json")) {
            return in.readAllBytes();
        }
    }
}
