package dev.toolverdicts.events.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.events.CloudEventHeaders;
import dev.toolverdicts.events.EventCodec;
import dev.toolverdicts.events.EventType;
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

/** Pins the JSON of {@code review.reviewer.v1} and {@code review.verdict.v1}: a change that breaks this breaks every consumer. */
class ReviewEventContractTest {

    private static final UUID REVIEWER = UUID.fromString("3f2a9c1e-8d4b-4e7a-b1c2-5d6e7f8a9b0c");
    private static final UUID TOOL = UUID.fromString("7b1c6f0e-2f4a-4c55-9a57-3c1d2e8f9a10");
    private static final UUID VERDICT = UUID.fromString("c0ffee00-1234-4abc-8def-0123456789ab");

    private static final ReviewerEvent ADA = new ReviewerEvent(REVIEWER, 2, "Ada Builder", Lens.BUILDER,
            "Ships developer tooling for a living and judges a tool by its first hour of use.",
            "No financial ties to any vendor on the panel's list.", true, Instant.parse("2026-11-23T10:00:00Z"));

    private static final VerdictEvent SKIP = new VerdictEvent(VERDICT, 3, TOOL, "smolvlm-3b", REVIEWER,
            "Grace Buyer", Lens.BUYER, ShipOrSkip.SKIP, "A fine model.\n\nBut there is no business behind it.",
            "2025-03", VerdictStatus.SUBMITTED, 2, Instant.parse("2026-11-23T10:30:00Z"));

    private static final VerdictEvent WITHDRAWN = new VerdictEvent(VERDICT, 4, TOOL, "smolvlm-3b", REVIEWER,
            "Grace Buyer", Lens.BUYER, null, null, null, VerdictStatus.WITHDRAWN, 3,
            Instant.parse("2026-11-23T11:00:00Z"));

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void reviewerEncodesExactlyTheFixtureAndDecodesIt() throws IOException {
        byte[] fixture = fixture("review.reviewer.v1.json");
        assertThat(json.readTree(EventCodec.encode(ADA))).isEqualTo(json.readTree(fixture));
        assertThat(EventCodec.decode(fixture, ReviewerEvent.class)).isEqualTo(ADA);
    }

    @Test
    void verdictEncodesExactlyTheFixtureAndDecodesIt() throws IOException {
        byte[] fixture = fixture("review.verdict.v1.json");
        assertThat(json.readTree(EventCodec.encode(SKIP))).isEqualTo(json.readTree(fixture));
        assertThat(EventCodec.decode(fixture, VerdictEvent.class)).isEqualTo(SKIP);
    }

    @Test
    void aWithdrawnVerdictCarriesNoCallTakeOrModelVersion() throws IOException {
        byte[] fixture = fixture("review.verdict.v1.withdrawn.json");
        assertThat(json.readTree(EventCodec.encode(WITHDRAWN))).isEqualTo(json.readTree(fixture));
        assertThat(EventCodec.decode(fixture, VerdictEvent.class)).isEqualTo(WITHDRAWN);
    }

    @Test
    void ignoresFieldsAddedLaterWithinV1() throws IOException {
        String withNewField = new String(fixture("review.verdict.v1.json"), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"confidence\": 0.8, ");
        assertThat(EventCodec.decode(withNewField.getBytes(StandardCharsets.UTF_8), VerdictEvent.class))
                .isEqualTo(SKIP);
    }

    @Test
    void kafkaDeserializerMapsEachCeTypeToItsRecord() throws IOException {
        assertThat(read(EventTypes.REVIEW_REVIEWER, fixture("review.reviewer.v1.json"))).isEqualTo(ADA);
        assertThat(read(EventTypes.REVIEW_VERDICT, fixture("review.verdict.v1.json"))).isEqualTo(SKIP);
        assertThat(EventTypes.REVIEW_REVIEWER.topic()).isEqualTo(Topics.REVIEW_REVIEWER).isEqualTo("review.reviewer.v1");
        assertThat(EventTypes.REVIEW_VERDICT.topic()).isEqualTo(Topics.REVIEW_VERDICT).isEqualTo("review.verdict.v1");
    }

    private static Object read(EventType<?> type, byte[] body) {
        var headers = new RecordHeaders();
        headers.add(CloudEventHeaders.TYPE, type.name().getBytes(StandardCharsets.UTF_8));
        return new EventDeserializer().deserialize(type.topic(), headers, body);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = ReviewEventContractTest.class.getResourceAsStream("/contract/" + name)) {
            return in.readAllBytes();
        }
    }
}
