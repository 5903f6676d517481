package dev.toolverdicts.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.comparison.ingest.ProjectionConsumer;
import dev.toolverdicts.comparison.matchup.MatchupView;
import dev.toolverdicts.comparison.matchup.MatchupViews;
import dev.toolverdicts.comparison.replica.ViewFeedReader;
import dev.toolverdicts.comparison.store.ViewGenerations;
import dev.toolverdicts.comparison.support.Scenario;
import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.testsupport.EventProducer;
import dev.toolverdicts.testsupport.TestDatabase;
import dev.toolverdicts.testsupport.TestJwts;
import dev.toolverdicts.testsupport.TestKafka;
import dev.toolverdicts.testsupport.TestPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two replicas of comparison-service, as in production: one database, one broker, one projection group, each its
 * own HTTP port, cache and streams. Whichever replica applies a change, the other one serves the new view (new
 * ETag) although it had the old one cached, and a stream open on either replica hears of it exactly once; after a
 * rebuild and swap on one replica, the other serves the new generation; a replica whose feed reader was cut off
 * catches up on its cache and its streams when it reads again.
 */
class ReplicaCoherenceTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EventProducer PRODUCER = new EventProducer();

    private static ConfigurableApplicationContext one;
    private static ConfigurableApplicationContext two;
    private static String projectionGroup;

    @BeforeAll
    static void startTwoReplicas() {
        TestDatabase database = TestPostgres.newDatabase("ReplicaCoherenceTest");
        String groupPrefix = "comparison-service-replicas-" + UUID.randomUUID().toString().substring(0, 8);
        projectionGroup = groupPrefix + "." + ProjectionConsumer.PURPOSE;
        one = replica(database, groupPrefix);
        two = replica(database, groupPrefix);
    }

    @AfterAll
    static void stopReplicas() {
        PRODUCER.close();
        for (ConfigurableApplicationContext replica : new ConfigurableApplicationContext[] {two, one}) {
            if (replica != null) {
                replica.close();
            }
        }
    }

    @Test
    void aChangeAppliedByEitherReplicaReachesTheOtherOnesCachedViewAndItsStreamOnce() throws Exception {
        Scenario s = seeded();
        String path = "/api/comparisons/tools/" + s.codeLlamaSlug();
        Map<ConfigurableApplicationContext, String> cachedTags = new LinkedHashMap<>();
        Map<ConfigurableApplicationContext, List<String>> streams = new LinkedHashMap<>();
        for (ConfigurableApplicationContext replica : List.of(one, two)) {
            HttpResponse<String> cached = get(replica, path);
            assertThat(JSON.readTree(cached.body()).get("community").get("total").asInt()).isEqualTo(10);
            cachedTags.put(replica, cached.headers().firstValue("ETag").orElseThrow());
            assertThat(get(replica, path, cachedTags.get(replica)).statusCode()).isEqualTo(304);
            streams.put(replica, openStream(replica, path + "/stream"));
        }
        for (List<String> lines : streams.values()) {
            Awaitility.await().atMost(EVENTUALLY).until(() -> List.copyOf(lines).stream()
                    .anyMatch(line -> line.replace(" ", "").equals("event:subscribed")));
        }

        PRODUCER.send(EventTypes.VOTE_TALLY, s.codeLlamaTally(11, 9, 2));
        PRODUCER.flush();

        for (ConfigurableApplicationContext replica : List.of(one, two)) {
            Awaitility.await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(50)).until(() -> {
                HttpResponse<String> response = get(replica, path, cachedTags.get(replica));
                return response.statusCode() == 200
                        && JSON.readTree(response.body()).get("community").get("total").asInt() == 11
                        && !response.headers().firstValue("ETag").orElseThrow().equals(cachedTags.get(replica));
            });
        }
        Instant eleventh = s.codeLlamaTally(11, 9, 2).changedAt();
        for (List<String> lines : streams.values()) {
            Awaitility.await().atMost(EVENTUALLY).until(() -> changesFrom(lines, eleventh) >= 1);
        }

        // the next change of the same view follows the first one on the feed (same key, same partition): once it
        // arrived, a second delivery of the first change could only have come before it
        PRODUCER.send(EventTypes.VOTE_TALLY, s.codeLlamaTally(12, 10, 2));
        PRODUCER.flush();
        Instant twelfth = s.codeLlamaTally(12, 10, 2).changedAt();
        for (List<String> lines : streams.values()) {
            Awaitility.await().atMost(EVENTUALLY).until(() -> changesFrom(lines, twelfth) >= 1);
        }
        streams.forEach((replica, lines) -> {
            assertThat(changesFrom(lines, eleventh)).as("view-changed deliveries of one change: %s", lines)
                    .isEqualTo(1);
            assertThat(changesFrom(lines, twelfth)).as("view-changed deliveries of one change: %s", lines)
                    .isEqualTo(1);
        });

        for (ConfigurableApplicationContext replica : List.of(one, two)) {
            Timer lag = replica.getBean(MeterRegistry.class).find("comparison.view.feed.lag").timer();
            assertThat(lag).isNotNull();
            assertThat(lag.count()).isPositive();
            System.out.printf("view feed lag on a replica: %d changes, max %.0f ms, mean %.0f ms%n", lag.count(),
                    lag.max(TimeUnit.MILLISECONDS), lag.mean(TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void afterARebuildAndSwapOnOneReplicaTheOtherServesTheNewGeneration() throws Exception {
        Scenario s = seeded();
        String path = "/api/comparisons/tools/" + s.codeLlamaSlug();
        get(two, path);
        int before = two.getBean(ViewGenerations.class).activeGeneration().id();

        String admin = TestJwts.bearer("admin-" + s.suffix, "ADMIN");
        HttpResponse<String> started = HTTP.send(request(one, "/api/comparisons/admin/rebuilds")
                .header("Authorization", admin).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).isEqualTo(202);
        int rebuilt = JSON.readTree(started.body()).get("generation").asInt();
        assertThat(rebuilt).isGreaterThan(before);
        Awaitility.await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(100)).until(() -> JSON.readTree(
                HTTP.send(request(one, "/api/comparisons/admin/rebuilds/current").header("Authorization", admin)
                        .GET().build(), HttpResponse.BodyHandlers.ofString()).body())
                .get("state").asString().equals("SWAPPED"));

        Awaitility.await().atMost(EVENTUALLY).until(() ->
                two.getBean(ViewGenerations.class).activeGeneration().id() == rebuilt);

        PRODUCER.send(EventTypes.VOTE_TALLY, s.codeLlamaTally(11, 8, 3));
        PRODUCER.flush();
        for (ConfigurableApplicationContext replica : List.of(one, two)) {
            Awaitility.await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(50)).until(() -> JSON.readTree(
                    get(replica, path).body()).get("community").get("display").asString().equals("73% · 8 of 11"));
        }
    }

    @Test
    void aReplicaWhoseFeedReaderWasCutOffCatchesUpOnItsCacheAndStreamsWhenItReadsAgain() throws Exception {
        Scenario s = seeded();
        String path = "/api/comparisons/tools/" + s.codeLlamaSlug();
        MessageListenerContainer twosProjection = two.getBean(KafkaListenerEndpointRegistry.class)
                .getListenerContainer(projectionGroup);
        MessageListenerContainer onesProjection = one.getBean(KafkaListenerEndpointRegistry.class)
                .getListenerContainer(projectionGroup);
        ViewFeedReader twosFeed = two.getBean(ViewFeedReader.class);
        try {
            twosProjection.stop();
            Awaitility.await().atMost(EVENTUALLY).until(() -> onesProjection.getAssignedPartitions() != null
                    && onesProjection.getAssignedPartitions().stream()
                            .filter(p -> p.topic().equals(EventTypes.VOTE_TALLY.topic())).count()
                    == TestKafka.PARTITIONS);
            assertThat(JSON.readTree(get(two, path).body()).get("community").get("total").asInt()).isEqualTo(10);
            List<String> stream = openStream(two, path + "/stream");
            Awaitility.await().atMost(EVENTUALLY).until(() -> List.copyOf(stream).stream()
                    .anyMatch(line -> line.replace(" ", "").equals("event:subscribed")));
            twosFeed.stop();

            PRODUCER.send(EventTypes.VOTE_TALLY, s.codeLlamaTally(11, 9, 2));
            PRODUCER.flush();
            Awaitility.await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(50)).until(() -> JSON.readTree(
                    get(one, path).body()).get("community").get("total").asInt() == 11);
            assertThat(JSON.readTree(get(two, path).body()).get("community").get("total").asInt())
                    .as("a replica that cannot hear of a change serves what it cached").isEqualTo(10);

            twosFeed.start();
            Awaitility.await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(50)).until(() -> JSON.readTree(
                    get(two, path).body()).get("community").get("total").asInt() == 11);
            Instant eleventh = s.codeLlamaTally(11, 9, 2).changedAt();
            Awaitility.await().atMost(EVENTUALLY).until(() -> changesFrom(stream, eleventh) == 1);
        } finally {
            if (!twosFeed.isRunning()) {
                twosFeed.start();
            }
            twosProjection.start();
        }
    }

    private static ConfigurableApplicationContext replica(TestDatabase database, String groupPrefix) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("server.shutdown", "immediate");
        properties.put("spring.datasource.url", database.url());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        properties.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        properties.put("platform.consumers.group-prefix", groupPrefix);
        properties.put("platform.consumers.retry-interval", "20ms");
        // far beyond the deadlines: expiry must not be what makes a replica serve a change here
        properties.put("comparison.cache.max-age", "10m");
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestJwts.jwkSetUri());
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestJwts.ISSUER);
        // command-line arguments, so they win over application.yml as a test's own properties do
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(ComparisonApplication.class).run(arguments);
    }

    /** The scenario's events published; returns once they all landed in the database, without caching any view. */
    private static Scenario seeded() {
        Scenario s = new Scenario();
        List<Object> events = new ArrayList<>(s.events());
        Collections.shuffle(events, new java.util.Random(17));
        events.forEach(PRODUCER::sendAny);
        PRODUCER.flush();
        MatchupViews matchups = one.getBean(MatchupViews.class);
        ViewGenerations generations = one.getBean(ViewGenerations.class);
        Awaitility.await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(100)).until(() -> {
            Optional<MatchupView> view = matchups.load(generations.active(), s.matchupSlug());
            if (view.isEmpty()) {
                return false;
            }
            JsonNode v = JSON.valueToTree(view.get());
            return v.get("tools").get(0).get("panel").get("total").asInt() == 4
                    && v.get("tools").get(1).get("panel").get("total").asInt() == 4
                    && v.get("tools").get(1).get("community").get("total").asInt() == 10
                    && v.get("scorecard").toString().contains("Grace Buyer")
                    && !v.get("scorecard").toString().contains("old name")
                    && v.get("tools").get(0).get("reviewers").toString().contains("SKIP")
                    && revisedTwice(v.get("tools").get(0).get("reviewers"));
        });
        return s;
    }

    private static boolean revisedTwice(JsonNode reviewers) {
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

    /** How many view-changed events on the stream announce the change that happened at {@code sourceChangedAt}. */
    private static long changesFrom(List<String> lines, Instant sourceChangedAt) {
        return List.copyOf(lines).stream()
                .filter(line -> line.startsWith("data:"))
                .map(line -> JSON.readTree(line.substring("data:".length())))
                .filter(data -> data.has("sourceChangedAt")
                        && Instant.parse(data.get("sourceChangedAt").asString()).equals(sourceChangedAt))
                .count();
    }

    private static List<String> openStream(ConfigurableApplicationContext replica, String path) throws Exception {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        HttpResponse<Stream<String>> response = HTTP.send(request(replica, path)
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        Thread.ofVirtual().start(() -> {
            try (Stream<String> body = response.body()) {
                body.forEach(lines::add);
            } catch (RuntimeException closed) {
                // the replica stopped
            }
        });
        return lines;
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext replica, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(request(replica, path).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return response;
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext replica, String path, String etag)
            throws Exception {
        return HTTP.send(request(replica, path).header("If-None-Match", etag).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(ConfigurableApplicationContext replica, String path) {
        String port = replica.getEnvironment().getProperty("local.server.port");
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }
}
