package dev.toolverdicts.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.events.kafka.EventDeserializer;
import dev.toolverdicts.events.kafka.EventSerializer;
import dev.toolverdicts.events.newsletter.NewsletterIssueEvent;
import dev.toolverdicts.events.newsletter.NewsletterIssueStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Pins the JSON of {@code newsletter.issue.v1}: a change that breaks this test breaks every consumer. */
class NewsletterIssueEventContractTest {

    private static final NewsletterIssueEvent SENT = new NewsletterIssueEvent(
            "2026-W48",
            2,
            NewsletterIssueStatus.SENT,
            "What changed this week on Tool Verdicts (2026-W48)",
            Instant.parse("2026-11-16T00:00:00Z"),
            Instant.parse("2026-11-23T00:00:00Z"),
            7,
            1250,
            1249,
            1,
            0,
            Instant.parse("2026-11-23T09:03:12.123Z"));

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void encodesExactlyTheFixture() throws IOException {
        assertThat(json.readTree(EventCodec.encode(SENT))).isEqualTo(json.readTree(fixture()));
    }

    @Test
    void decodesTheFixture() throws IOException {
        assertThat(EventCodec.decode(fixture(), NewsletterIssueEvent.class)).isEqualTo(SENT);
    }

    @Test
    void ignoresFieldsAddedLaterWithinV1() throws IOException {
        String withNewField = new String(fixture(), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"archiveUrl\": \"https://example.test/newsletter/2026-W48\", ");
        assertThat(EventCodec.decode(withNewField.getBytes(StandardCharsets.UTF_8), NewsletterIssueEvent.class))
                .isEqualTo(SENT);
    }

    @Test
    void travelsOnItsTopicUnderItsCeType() throws IOException {
        assertThat(EventTypes.NEWSLETTER_ISSUE.topic()).isEqualTo("newsletter.issue.v1");
        assertThat(EventTypes.byName("dev.toolverdicts.newsletter.issue.v1")).contains(EventTypes.NEWSLETTER_ISSUE);
        var headers = new RecordHeaders();
        headers.add(CloudEventHeaders.TYPE, EventTypes.NEWSLETTER_ISSUE.name().getBytes(StandardCharsets.UTF_8));
        byte[] bytes = new EventSerializer().serialize(Topics.NEWSLETTER_ISSUE, SENT);
        assertThat(new EventDeserializer().deserialize(Topics.NEWSLETTER_ISSUE, headers, bytes)).isEqualTo(SENT);
        assertThat(new EventDeserializer().deserialize(Topics.NEWSLETTER_ISSUE, headers, fixture())).isEqualTo(SENT);
    }

    private static byte[] fixture() throws IOException {
        try (InputStream in = NewsletterIssueEventContractTest.class
                .getResourceAsStream("/contract/newsletter.issue.v1.json")) {
            return in.readAllBytes();
        }
    }
}
