package dev.toolverdicts.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;

import dev.toolverdicts.comparison.ingest.Projections;
import dev.toolverdicts.testsupport.EventProducer;
import dev.toolverdicts.comparison.support.Scenario;
import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.events.Topics;
import dev.toolverdicts.events.catalog.ToolStatus;
import dev.toolverdicts.events.vote.VoteTallyEvent;
import dev.toolverdicts.testsupport.TestJwts;
import dev.toolverdicts.testsupport.TestKafka;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole path through a real broker and database: topics in, views, lists, feed, streams, DLT replay, rebuild out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"platform.consumers.retry-interval=20ms", "platform.consumers.lag-interval=500ms"})
@WithPostgres
@WithKafka
@WithJwtIssuer
class ComparisonFlowTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EventProducer PRODUCER = new EventProducer();

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @MockitoSpyBean
    Projections projections;

    @AfterAll
    static void closeProducer() {
        PRODUCER.close();
    }

    @Test
    void theSeedScenarioDeliveredShuffledWithDuplicatesShowsThePanelAndCommunityShares() throws Exception {
        Scenario s = seeded(11);

        JsonNode smolvlm = get("/api/comparisons/tools/" + s.smolvlmSlug()).json();
        assertThat(smolvlm.get("panel").get("display").asString()).isEqualTo("75% · 3 of 4");
        assertThat(smolvlm.get("panel").get("percent").asInt()).isEqualTo(75);
        assertThat(smolvlm.get("community").get("display").asString()).isEqualTo("—");
        assertThat(smolvlm.get("community").get("percent").isNull()).isTrue();
        assertThat(smolvlm.get("entry").asString()).isEqualTo("Free");
        assertThat(smolvlm.get("license").asString()).isEqualTo("Apache-2.0");
        assertThat(smolvlm.get("reviewers")).hasSize(4);
        assertThat(smolvlm.get("reviewers").get(3).get("lens").asString()).isEqualTo("BUYER");
        assertThat(smolvlm.get("reviewers").get(3).get("verdict").asString()).isEqualTo("SKIP");
        assertThat(smolvlm.get("reviewers").get(3).get("revisionCount").asInt()).isEqualTo(2);
        JsonNode codeLlama = get("/api/comparisons/tools/" + s.codeLlamaSlug()).json();
        assertThat(codeLlama.get("panel").get("display").asString()).isEqualTo("100% · 4 of 4");
        assertThat(codeLlama.get("community").get("display").asString()).isEqualTo("80% · 8 of 10");
        assertThat(codeLlama.get("community").get("interval").get("low").asDouble()).isEqualTo(49.0);

        JsonNode matchup = get("/api/comparisons/matchups/" + s.matchupSlug()).json();
        assertThat(matchup.get("tools")).hasSize(2);
        assertThat(matchup.get("scorecard")).hasSize(4);
        assertThat(matchup.get("scorecard").get(3).get("calls").get(0).get("verdict").asString()).isEqualTo("SKIP");
        assertThat(matchup.get("summary").get("panelLeansTo").asString()).isEqualTo(s.codeLlamaSlug());
        assertThat(matchup.get("summary").get("communityLeansTo").asString()).isEqualTo(s.codeLlamaSlug());

        Response compare = get("/api/comparisons/compare?tools=" + s.codeLlamaSlug() + "," + s.smolvlmSlug());
        assertThat(compare.json().get("tools").get(0).get("slug").asString()).isEqualTo(s.codeLlamaSlug());
        assertThat(compare.json().get("scorecard")).hasSize(4);
        assertThat(send(request("/api/comparisons/compare?tools=" + s.smolvlmSlug()).GET()).status()).isEqualTo(400);
        assertThat(send(request("/api/comparisons/compare?tools=" + s.smolvlmSlug() + ",nope-" + s.suffix).GET())
                .body()).contains("tools").contains("nope-" + s.suffix);

        JsonNode latest = get("/api/comparisons/matchups").json();
        assertThat(latest.get("items").toString()).contains(s.matchupSlug());
        JsonNode ranked = get("/api/comparisons/tools?rank=panel&limit=100").json();
        List<String> order = slugs(ranked);
        assertThat(order.indexOf(s.codeLlamaSlug())).isLessThan(order.indexOf(s.smolvlmSlug()));
        assertThat(send(request("/api/comparisons/tools?rank=hype").GET()).body()).contains("rank");
    }

    @Test
    void anUnchangedViewAnswers304ToItsETag() throws Exception {
        Scenario s = seeded(12);
        for (String path : List.of("/api/comparisons/tools/" + s.smolvlmSlug(), "/api/comparisons/matchups/"
                + s.matchupSlug(), "/api/comparisons/compare?tools=" + s.smolvlmSlug() + "," + s.codeLlamaSlug())) {
            Response first = get(path);
            String etag = first.response().headers().firstValue("ETag").orElseThrow();
            Response again = send(request(path).header("If-None-Match", etag).GET());
            assertThat(again.status()).as(path).isEqualTo(304);
        }
    }

    @Test
    void aWithdrawnVerdictLeavesTheScorecardAndTheStreamAndFeedAnnounceIt() throws Exception {
        Scenario s = seeded(13);
        BlockingQueue<String> stream = openStream("/api/comparisons/tools/" + s.smolvlmSlug() + "/stream");
        awaitLine(stream, "event:subscribed");

        PRODUCER.send(EventTypes.REVIEW_VERDICT, s.smolvlmBuyerWithdrawn());
        PRODUCER.flush();

        awaitLine(stream, "event:view-changed");
        JsonNode view = awaitJson("/api/comparisons/tools/" + s.smolvlmSlug(),
                v -> v.get("panel").get("total").asInt() == 3);
        assertThat(view.get("panel").get("display").asString()).isEqualTo("100% · 3 of 3");
        assertThat(view.get("reviewers").toString()).doesNotContain("Grace Buyer");
        JsonNode matchup = get("/api/comparisons/matchups/" + s.matchupSlug()).json();
        assertThat(matchup.get("scorecard").get(3).get("calls").get(0).get("verdict").isNull()).isTrue();
        assertThat(feedKeys()).contains(s.smolvlm.toString(), s.matchup.toString());
    }

    @Test
    void anArchivedToolLeavesTheListsAndItsMatchup() throws Exception {
        Scenario s = seeded(14);
        PRODUCER.send(EventTypes.CATALOG_TOOL, s.codeLlama(3, ToolStatus.ARCHIVED));
        PRODUCER.flush();

        Awaitility.await().atMost(EVENTUALLY).until(() ->
                send(request("/api/comparisons/tools/" + s.codeLlamaSlug()).GET()).status() == 404);
        assertThat(send(request("/api/comparisons/matchups/" + s.matchupSlug()).GET()).status()).isEqualTo(404);
        for (String rank : List.of("panel", "community", "gap")) {
            assertThat(slugs(get("/api/comparisons/tools?limit=100&rank=" + rank).json()))
                    .contains(s.smolvlmSlug()).doesNotContain(s.codeLlamaSlug());
        }
        assertThat(get("/api/comparisons/matchups?limit=100").json().toString()).doesNotContain(s.matchupSlug());
    }

    @Test
    void aPoisonRecordIsDeadLetteredWithoutStoppingThePartitionAndReplaysAfterTheFix() throws Exception {
        Scenario s = seeded(15);
        VoteTallyEvent buggy = new VoteTallyEvent(s.smolvlm, 1, s.smolvlmSlug(), 3, 1, 0, java.time.Instant.now());
        doThrow(new IllegalStateException("simulated projection bug")).when(projections)
                .apply(any(), argThat(e -> e instanceof VoteTallyEvent t && t.toolId().equals(s.smolvlm)));
        PRODUCER.send(EventTypes.VOTE_TALLY, buggy);
        PRODUCER.sendRaw(EventTypes.VOTE_TALLY.topic(), s.smolvlm.toString(), "{\"toolId\": ".getBytes(StandardCharsets.UTF_8),
                EventTypes.VOTE_TALLY.name());
        PRODUCER.send(EventTypes.VOTE_TALLY, s.codeLlamaTally(11, 9, 2));
        PRODUCER.flush();
        awaitJson("/api/comparisons/tools/" + s.codeLlamaSlug(),
                v -> v.get("community").get("display").asString().equals("82% · 9 of 11"));

        String admin = TestJwts.bearer("admin-" + s.suffix, "ADMIN");
        assertThat(send(request("/api/comparisons/admin/dead-letters").GET()).status()).isEqualTo(401);
        assertThat(send(request("/api/comparisons/admin/dead-letters")
                .header("Authorization", TestJwts.bearer("member", "MEMBER")).GET()).status()).isEqualTo(403);
        List<JsonNode> letters = new ArrayList<>();
        Awaitility.await().atMost(EVENTUALLY).until(() -> {
            letters.clear();
            JSON.readTree(send(request("/api/comparisons/admin/dead-letters").header("Authorization", admin).GET())
                    .body()).forEach(letter -> {
                        if (s.smolvlm.toString().equals(letter.get("key").asString())) {
                            letters.add(letter);
                        }
                    });
            return letters.size() == 2;
        });
        JsonNode bug = letters.stream().filter(l -> l.get("exception").asString().contains("simulated")).findFirst()
                .orElseThrow();
        JsonNode unreadable = letters.stream().filter(l -> l != bug).findFirst().orElseThrow();
        assertThat(bug.get("originalTopic").asString()).isEqualTo(Topics.VOTE_TALLY);

        Mockito.reset(projections);
        Response replayed = send(request(replayPath(bug)).header("Authorization", admin)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().get("outcome").asString()).isEqualTo("applied");
        assertThat(get("/api/comparisons/tools/" + s.smolvlmSlug()).json().get("community").get("display").asString())
                .isEqualTo("75% · 3 of 4");
        Response stillPoison = send(request(replayPath(unreadable)).header("Authorization", admin)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(stillPoison.status()).isEqualTo(422);
        assertThat(stillPoison.body()).contains("record");
    }

    @Test
    void aRebuildFromTheTopicsEqualsTheIncrementallyBuiltViewsAndSwapsIn() throws Exception {
        Scenario s = seeded(16);
        PRODUCER.send(EventTypes.REVIEW_VERDICT, s.smolvlmBuyerWithdrawn());
        PRODUCER.flush();
        awaitJson("/api/comparisons/tools/" + s.smolvlmSlug(), v -> v.get("panel").get("total").asInt() == 3);
        List<String> paths = List.of("/api/comparisons/tools/" + s.smolvlmSlug(),
                "/api/comparisons/tools/" + s.codeLlamaSlug(), "/api/comparisons/matchups/" + s.matchupSlug(),
                "/api/comparisons/compare?tools=" + s.smolvlmSlug() + "," + s.codeLlamaSlug());
        List<String> before = new ArrayList<>();
        for (String path : paths) {
            before.add(get(path).body());
        }
        String admin = TestJwts.bearer("admin-" + s.suffix, "ADMIN");
        assertThat(send(request("/api/comparisons/admin/rebuilds").header("Authorization", TestJwts.bearer("m",
                "MEMBER")).POST(HttpRequest.BodyPublishers.noBody())).status()).isEqualTo(403);

        Response started = send(request("/api/comparisons/admin/rebuilds").header("Authorization", admin)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(started.status()).isEqualTo(202);
        JsonNode[] current = new JsonNode[1];
        Awaitility.await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(50)).until(() -> {
            current[0] = JSON.readTree(send(request("/api/comparisons/admin/rebuilds/current")
                    .header("Authorization", admin).GET()).body());
            return !current[0].get("state").asString().equals("RUNNING");
        });
        JsonNode progress = current[0];
        assertThat(progress.get("state").asString()).isEqualTo("SWAPPED");
        assertThat(progress.get("generation").asInt()).isGreaterThan(started.json().get("generation").asInt() - 1);
        assertThat(progress.get("topics")).hasSize(5);
        progress.get("topics").forEach(topic -> {
            assertThat(topic.get("applied").asLong()).as(topic.toString()).isEqualTo(topic.get("total").asLong());
            assertThat(topic.get("failed").asLong()).as(topic.toString()).isZero();
        });

        for (int i = 0; i < paths.size(); i++) {
            assertThat(get(paths.get(i)).body()).as(paths.get(i)).isEqualTo(before.get(i));
        }
        PRODUCER.send(EventTypes.VOTE_TALLY, s.codeLlamaTally(11, 8, 3));
        PRODUCER.flush();
        assertThat(awaitJson("/api/comparisons/tools/" + s.codeLlamaSlug(),
                v -> v.get("community").get("total").asInt() == 11).get("community").get("display").asString())
                .as("the swapped-in generation keeps being fed").isEqualTo("73% · 8 of 11");
    }

    @Test
    void lagAndEventAgeAreMetered() {
        for (String topic : List.of(Topics.CATALOG_TOOL, Topics.CATALOG_MATCHUP, Topics.REVIEW_REVIEWER,
                Topics.REVIEW_VERDICT, Topics.VOTE_TALLY)) {
            Gauge lag = meters.find("events.consumer.lag").tag("service", "comparison-service").tag("topic", topic)
                    .gauge();
            assertThat(lag).as(topic).isNotNull();
            assertThat(lag.getId().getTag("group")).as(topic).endsWith(".projection");
            assertThat(meters.find("events.consumed").tag("service", "comparison-service").tag("topic", topic)
                    .tag("outcome", "applied").counter()).as(topic).isNotNull();
            assertThat(meters.find("projection.event.age").tag("topic", topic).gauge()).as(topic).isNotNull();
            assertThat(meters.find("projection.freshness").tag("topic", topic).timer()).as(topic).isNotNull();
        }
    }

    /** The scenario's events, shuffled with a fixed seed and with duplicates, published; returns once all landed. */
    private Scenario seeded(long seed) throws Exception {
        Scenario s = new Scenario();
        Random random = new Random(seed);
        List<Object> events = new ArrayList<>(s.events());
        for (int i = 0; i < 10; i++) {
            events.add(events.get(random.nextInt(events.size())));
        }
        Collections.shuffle(events, random);
        events.forEach(PRODUCER::sendAny);
        PRODUCER.flush();
        awaitJson("/api/comparisons/matchups/" + s.matchupSlug(), v ->
                v.get("tools").get(0).get("panel").get("total").asInt() == 4
                        && v.get("tools").get(1).get("panel").get("total").asInt() == 4
                        && v.get("tools").get(1).get("community").get("total").asInt() == 10
                        && v.get("scorecard").toString().contains("Grace Buyer")
                        && !v.get("scorecard").toString().contains("old name")
                        && allRevised(v.get("tools").get(0).get("reviewers"))
                        && v.get("tools").get(0).get("reviewers").toString().contains("SKIP"));
        return s;
    }

    /** Every reviewer's verdict is at its second revision: the scenario's last verdict events were all applied. */
    private static boolean allRevised(JsonNode reviewers) {
        if (reviewers.size() != 4) {
            return false;
        }
        for (JsonNode reviewer : reviewers) {
            if (reviewer.get("revisionCount").asInt() != 2) {
                return false;
            }
        }
        return true;
    }

    private static String replayPath(JsonNode letter) {
        return "/api/comparisons/admin/dead-letters/" + letter.get("topic").asString() + "/"
                + letter.get("partition").asInt() + "/" + letter.get("offset").asLong() + "/replay";
    }

    private static List<String> slugs(JsonNode list) {
        List<String> slugs = new ArrayList<>();
        list.get("items").forEach(item -> slugs.add(item.get("slug").asString()));
        return slugs;
    }

    private List<String> feedKeys() {
        List<String> keys = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "feed-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.COMPARISON_VIEW));
            Awaitility.await().atMost(EVENTUALLY).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
                return !keys.isEmpty() && consumer.assignment().stream()
                        .allMatch(p -> consumer.position(p) >= consumer.endOffsets(List.of(p)).get(p));
            });
        }
        return keys;
    }

    private BlockingQueue<String> openStream(String path) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> response = HTTP.send(request(path).header("Accept", "text/event-stream").GET()
                .build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        Thread.ofVirtual().start(() -> response.body().forEach(lines::add));
        return lines;
    }

    private static void awaitLine(BlockingQueue<String> lines, String expected) {
        Awaitility.await().atMost(EVENTUALLY).until(() -> {
            String line = lines.poll();
            return line != null && line.replace(" ", "").equals(expected.replace(" ", ""));
        });
    }

    private JsonNode awaitJson(String path, Predicate<JsonNode> ready) {
        JsonNode[] found = new JsonNode[1];
        Awaitility.await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(50)).until(() -> {
            Response response = send(request(path).GET());
            if (response.status() != 200) {
                return false;
            }
            found[0] = response.json();
            return ready.test(found[0]);
        });
        return found[0];
    }

    private Response get(String path) throws Exception {
        Response response = send(request(path).GET());
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
        return response;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private static Response send(HttpRequest.Builder request) throws Exception {
        return new Response(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private record Response(HttpResponse<String> response) {

        int status() {
            return response.statusCode();
        }

        String body() {
            return response.body();
        }

        JsonNode json() {
            return JSON.readTree(response.body());
        }
    }
}
