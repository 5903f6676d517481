package dev.toolverdicts.comparison.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.events.CloudEventHeaders;
import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.events.Topics;
import dev.toolverdicts.events.catalog.ToolEvent;
import dev.toolverdicts.events.catalog.ToolStatus;
import dev.toolverdicts.testsupport.EventProducer;
import dev.toolverdicts.testsupport.TopicReader;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithKafka
class CatalogToolProjectionTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EventProducer EVENTS = new EventProducer();

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @AfterAll
    static void closeProducer() {
        EVENTS.close();
    }

    @Test
    void aPublishedToolBecomesAVerdictViewWithNoDataYet() throws Exception {
        UUID id = UUID.randomUUID();
        String slug = "tool-" + id.toString().substring(0, 8);
        send(event(id, 1, slug, "Draft name", ToolStatus.DRAFT));
        send(event(id, 2, slug, "SmolVLM-3B", ToolStatus.PUBLISHED));

        JsonNode view = awaitView(slug);

        assertThat(view.get("name").asString()).isEqualTo("SmolVLM-3B");
        assertThat(view.get("catalogVersion").asLong()).isEqualTo(2);
        assertThat(view.get("panel").get("display").asString()).isEqualTo("—");
        assertThat(view.get("panel").get("percent").isNull()).isTrue();
        assertThat(view.get("community").get("display").asString()).isEqualTo("—");
        assertThat(view.get("reviewers").isEmpty()).isTrue();
    }

    @Test
    void theEditorsLogoUrlIsShownInTheToolViewUntilANewerVersionDropsIt() throws Exception {
        UUID id = UUID.randomUUID();
        String slug = "tool-" + id.toString().substring(0, 8);
        String logo = "https://cdn.example.com/logos/" + slug + ".svg";
        ToolEvent plain = event(id, 1, slug, "With a logo", ToolStatus.PUBLISHED);
        send(new ToolEvent(id, 1, slug, plain.name(), plain.vendor(), plain.category(), plain.tagline(), null,
                plain.license(), plain.status(), plain.changedAt(), null, null, null, logo));

        assertThat(awaitView(slug).get("logoUrl").asString()).isEqualTo(logo);

        send(event(id, 2, slug, "With a logo", ToolStatus.PUBLISHED));
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> JSON.readTree(view(slug).body()).get("catalogVersion").asLong() == 2);
        assertThat(JSON.readTree(view(slug).body()).get("logoUrl").isNull()).isTrue();
    }

    @Test
    void aDuplicateOrAnOlderVersionLeavesTheViewUnchanged() throws Exception {
        UUID id = UUID.randomUUID();
        String slug = "tool-" + id.toString().substring(0, 8);
        send(event(id, 2, slug, "Version two", ToolStatus.PUBLISHED));
        String before = awaitView(slug).toString();
        double staleBefore = staleCount();

        send(event(id, 1, slug, "Version one", ToolStatus.PUBLISHED));
        send(event(id, 2, slug, "Version two", ToolStatus.PUBLISHED));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> staleCount() >= staleBefore + 2);

        assertThat(view(slug).body()).isEqualTo(before);
    }

    @Test
    void anArchivedToolLeavesTheViews() throws Exception {
        UUID id = UUID.randomUUID();
        String slug = "tool-" + id.toString().substring(0, 8);
        send(event(id, 1, slug, "Soon gone", ToolStatus.PUBLISHED));
        awaitView(slug);

        send(event(id, 2, slug, "Soon gone", ToolStatus.ARCHIVED));

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> view(slug).statusCode() == 404);
        send(event(id, 1, slug, "Soon gone", ToolStatus.PUBLISHED));
        send(event(UUID.randomUUID(), 1, slug + "-marker", "Marker", ToolStatus.PUBLISHED));
        awaitView(slug + "-marker");
        assertThat(view(slug).statusCode()).as("a late older event does not bring it back").isEqualTo(404);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsStillApplied() throws Exception {
        UUID id = UUID.randomUUID();
        String slug = "tool-" + id.toString().substring(0, 8);
        byte[] poison = "{\"toolId\": \"not-a-uuid\", \"version\": ".getBytes(StandardCharsets.UTF_8);
        EVENTS.sendRaw(EventTypes.CATALOG_TOOL.topic(), id.toString(), poison, EventTypes.CATALOG_TOOL.name());
        EVENTS.sendRaw(EventTypes.CATALOG_TOOL.topic(), id.toString(), "{}".getBytes(StandardCharsets.UTF_8), null);
        send(event(id, 1, slug, "After the poison", ToolStatus.PUBLISHED));

        assertThat(awaitView(slug).get("name").asString()).isEqualTo("After the poison");
        List<ConsumerRecord<String, byte[]>> deadLetters =
                TopicReader.records(Topics.deadLetter(Topics.CATALOG_TOOL), id.toString(), 2);
        assertThat(deadLetters.getFirst().value()).isEqualTo(poison);
        assertThat(deadLetters.getFirst().headers().lastHeader(CloudEventHeaders.TYPE)).isNotNull();
        assertThat(deadLetters.get(1).value()).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    }

    private static ToolEvent event(UUID id, long version, String slug, String name, ToolStatus status) {
        return new ToolEvent(id, version, slug, name, "Vendor", "Developer Tools", "A tagline", null, "Apache-2.0",
                status, Instant.now());
    }

    private static void send(ToolEvent event) {
        EVENTS.send(EventTypes.CATALOG_TOOL, event);
        EVENTS.flush();
    }

    private double staleCount() {
        return meters.get("events.consumed").tag("service", "comparison-service").tag("topic", Topics.CATALOG_TOOL)
                .tag("outcome", "stale").counter()
                .count();
    }

    private HttpResponse<String> view(String slug) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/comparisons/tools/" + slug))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode awaitView(String slug) throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> view(slug).statusCode() == 200);
        return JSON.readTree(view(slug).body());
    }
}
