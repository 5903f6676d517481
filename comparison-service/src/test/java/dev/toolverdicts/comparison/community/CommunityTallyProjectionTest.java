package dev.toolverdicts.comparison.community;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.events.Topics;
import dev.toolverdicts.events.catalog.ToolEvent;
import dev.toolverdicts.events.catalog.ToolStatus;
import dev.toolverdicts.events.vote.VoteTallyEvent;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The community share of a verdict view follows vote-service's tally events exactly, whatever Kafka redelivers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithKafka
class CommunityTallyProjectionTest {

    private static final int VOTES = 1000;
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
    void aThousandTallyUpdatesThenAShuffledReplayLeaveTheShareExact() throws Exception {
        UUID toolId = UUID.randomUUID();
        String slug = "tool-" + toolId.toString().substring(0, 8);
        sendTool(toolId, slug);
        JsonNode before = awaitView(slug, view -> true);
        assertThat(before.get("community").get("display").asString()).isEqualTo("—");

        List<VoteTallyEvent> updates = votes(toolId, slug);
        updates.forEach(update -> EVENTS.send(EventTypes.VOTE_TALLY, update));
        EVENTS.flush();
        JsonNode exact = awaitView(slug, view -> view.get("communityVersion").asLong() == VOTES);
        assertThat(exact.get("community").get("ship").asLong()).isEqualTo(600);
        assertThat(exact.get("community").get("total").asLong()).isEqualTo(1000);
        assertThat(exact.get("community").get("percent").asInt()).isEqualTo(60);
        assertThat(exact.get("community").get("display").asString()).isEqualTo("60% · 600 of 1000");

        double staleBefore = staleCount();
        List<VoteTallyEvent> replay = new ArrayList<>(updates);
        replay.addAll(updates.subList(VOTES - 10, VOTES));
        Collections.shuffle(replay, new Random(42));
        replay.forEach(update -> EVENTS.send(EventTypes.VOTE_TALLY, update));
        EVENTS.flush();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> staleCount() >= staleBefore + replay.size());

        assertThat(view(slug).body()).as("redelivered and older tallies change nothing").isEqualTo(exact.toString());
    }

    @Test
    void aPoisonTallyGoesToTheDeadLetterTopicAndTheNextTallyIsStillApplied() throws Exception {
        UUID toolId = UUID.randomUUID();
        String slug = "tool-" + toolId.toString().substring(0, 8);
        sendTool(toolId, slug);
        awaitView(slug, view -> true);
        byte[] poison = "{\"toolId\": \"not-a-uuid\", \"ship\": ".getBytes(StandardCharsets.UTF_8);
        EVENTS.sendRaw(EventTypes.VOTE_TALLY.topic(), toolId.toString(), poison, EventTypes.VOTE_TALLY.name());
        EVENTS.send(EventTypes.VOTE_TALLY, new VoteTallyEvent(toolId, 1, slug, 3, 1, 0, Instant.now()));
        EVENTS.flush();

        JsonNode view = awaitView(slug, v -> v.get("communityVersion").asLong() == 1);
        assertThat(view.get("community").get("display").asString()).isEqualTo("75% · 3 of 4");
        assertThat(TopicReader.records(Topics.deadLetter(Topics.VOTE_TALLY), toolId.toString(), 1).getFirst().value())
                .isEqualTo(poison);
    }

    /** The tally after each of 1000 votes: three SHIP for every two SKIP. */
    private static List<VoteTallyEvent> votes(UUID toolId, String slug) {
        List<VoteTallyEvent> events = new ArrayList<>();
        long ship = 0;
        long skip = 0;
        for (int i = 0; i < VOTES; i++) {
            if (i % 5 < 3) {
                ship++;
            } else {
                skip++;
            }
            events.add(new VoteTallyEvent(toolId, i + 1, slug, ship, skip, 0, Instant.now()));
        }
        return events;
    }

    private static void sendTool(UUID toolId, String slug) {
        EVENTS.send(EventTypes.CATALOG_TOOL, new ToolEvent(toolId, 1, slug, "Popular", "Vendor", "Developer Tools",
                "A tagline", null, "Apache-2.0", ToolStatus.PUBLISHED, Instant.now()));
        EVENTS.flush();
    }

    private double staleCount() {
        return meters.get("events.consumed").tag("service", "comparison-service").tag("topic", Topics.VOTE_TALLY)
                .tag("outcome", "stale").counter()
                .count();
    }

    private HttpResponse<String> view(String slug) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/comparisons/tools/" + slug)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode awaitView(String slug, java.util.function.Predicate<JsonNode> ready) {
        JsonNode[] found = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            HttpResponse<String> response = view(slug);
            if (response.statusCode() != 200) {
                return false;
            }
            found[0] = JSON.readTree(response.body());
            return ready.test(found[0]);
        });
        return found[0];
    }
}
