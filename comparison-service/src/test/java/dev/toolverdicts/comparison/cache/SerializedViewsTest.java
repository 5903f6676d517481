package dev.toolverdicts.comparison.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.comparison.ingest.ProjectionConsumer;
import dev.toolverdicts.comparison.ingest.Projections;
import dev.toolverdicts.comparison.matchup.MatchupView;
import dev.toolverdicts.comparison.matchup.MatchupViews;
import dev.toolverdicts.comparison.replica.ViewFeedReader;
import dev.toolverdicts.comparison.support.Scenario;
import dev.toolverdicts.comparison.tool.ToolRank;
import dev.toolverdicts.comparison.tool.ToolVerdictView;
import dev.toolverdicts.comparison.tool.ToolViews;
import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.testsupport.EventProducer;
import dev.toolverdicts.testsupport.TestKafka;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.mock.http.MockHttpOutputMessage;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.ValueSerializerModifier;

/**
 * A cached view is serialised once per version served, not once per read: N reads of an unchanged tool or matchup view
 * cost one serialisation (counted by a Jackson module in the app's own mapper) and show one ETag, a change serialises
 * it once again, and the bytes sent are exactly those the app's Jackson HTTP converter writes for the view, with the
 * same headers as before. The counts are exact because nothing the test cannot see drops a cached view while it
 * counts: the projection has committed every record of its topics (so applied them and dropped what they changed),
 * the view feed reader is stopped (its late announcements would drop the views again), and entries do not expire
 * (max-age 30 min). Runs in a JVM of its own (see the pom): other test classes' contexts would project its events too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "comparison.cache.max-age=30m")
@WithPostgres
@WithKafka
@WithJwtIssuer
class SerializedViewsTest {

    private static final int READS = 20;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ToolViews tools;

    @Autowired
    MatchupViews matchups;

    @Autowired
    RequestMappingHandlerAdapter mvc;

    @Autowired
    SerialisationCounts counts;

    @Autowired
    HotViews hot;

    @Autowired
    ViewFeedReader feedReader;

    @Autowired
    Projections projections;

    @Value("${spring.application.name}")
    String service;

    @Test
    void nReadsOfAnUnchangedViewSerialiseItOnceAndAChangeSerialisesItAgain() throws Exception {
        Scenario s = seeded();
        String tool = "/api/comparisons/tools/" + s.codeLlamaSlug();
        String matchup = "/api/comparisons/matchups/" + s.matchupSlug();
        // Hold the view feed still while counting: its announcements of the seeded changes arrive after the projection
        // has applied them and drop the cached views again, at moments the test cannot see. Every change the counts
        // depend on is then applied (projection settled) and invalidated by the projection itself, before counting.
        feedReader.stop();
        try {
            awaitProjectionSettled();
            hot.invalidateAll();
            Reads first = reads(tool, matchup);
            assertThat(first.toolTags).as("tool view versions served").hasSize(1);
            assertThat(first.matchupTags).as("matchup view versions served").hasSize(1);
            assertThat(first.tools).as("tool view serialisations for %d reads", READS).isEqualTo(1);
            assertThat(first.matchups).as("matchup view serialisations for %d reads", READS).isEqualTo(1);

            try (EventProducer producer = new EventProducer()) {
                producer.send(EventTypes.VOTE_TALLY, s.codeLlamaTally(11, 9, 2));
                producer.flush();
            }
            awaitProjectionSettled();
            Reads changed = reads(tool, matchup);
            assertThat(JSON.readTree(get(tool).body()).get("community").get("display").asString())
                    .isEqualTo("82% · 9 of 11");
            assertThat(changed.toolTags).as("tool view versions served after the change").hasSize(1)
                    .doesNotContainAnyElementsOf(first.toolTags);
            assertThat(changed.matchupTags).as("matchup view versions served after the change").hasSize(1)
                    .doesNotContainAnyElementsOf(first.matchupTags);
            assertThat(changed.tools).as("tool view serialisations after the change").isEqualTo(1);
            assertThat(changed.matchups).as("matchup view serialisations after the change").isEqualTo(1);
            assertThat(get(tool).body())
                    .isEqualTo(asTheConverterWritesIt(tools.get(s.codeLlamaSlug()).orElseThrow().body()));
        } finally {
            feedReader.start();
        }
    }

    /** Serialisations counted and ETags seen over {@link #READS} reads of each view. */
    private record Reads(int tools, int matchups, Set<String> toolTags, Set<String> matchupTags) {
    }

    private Reads reads(String tool, String matchup) throws Exception {
        int toolsBefore = counts.of(ToolVerdictView.class);
        int matchupsBefore = counts.of(MatchupView.class);
        Set<String> toolTags = new HashSet<>();
        Set<String> matchupTags = new HashSet<>();
        for (int i = 0; i < READS; i++) {
            HttpResponse<byte[]> t = get(tool);
            HttpResponse<byte[]> m = get(matchup);
            assertThat(t.statusCode()).isEqualTo(200);
            assertThat(m.statusCode()).isEqualTo(200);
            toolTags.add(t.headers().firstValue("ETag").orElseThrow());
            matchupTags.add(m.headers().firstValue("ETag").orElseThrow());
        }
        return new Reads(counts.of(ToolVerdictView.class) - toolsBefore, counts.of(MatchupView.class) - matchupsBefore,
                toolTags, matchupTags);
    }

    /**
     * Until the projection's group has committed every record of its topics: offsets are committed after the event
     * was applied and the cached views it changed were dropped, so no change of a view is still on its way.
     */
    private void awaitProjectionSettled() throws Exception {
        String group = service + "." + ProjectionConsumer.PURPOSE;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            Set<String> topics = new HashSet<>(projections.topics());
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) -> description
                        .partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()),
                                OffsetSpec.latest())));
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                var ends = admin.listOffsets(latest).all().get();
                return ends.entrySet().stream().allMatch(end -> {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    return (at == null ? 0 : at.offset()) >= end.getValue().offset();
                });
            });
        }
    }

    @Test
    void theBytesAndHeadersAreThoseOfTheViewWrittenByTheJacksonConverter() throws Exception {
        Scenario s = seeded();
        String tool = "/api/comparisons/tools/" + s.smolvlmSlug();
        String matchup = "/api/comparisons/matchups/" + s.matchupSlug();
        for (String path : new String[] {tool, matchup, "/api/comparisons/tools?rank=gap&limit=100",
            "/api/comparisons/matchups?limit=100"}) {
            HttpResponse<byte[]> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/json");
            assertThat(response.headers().firstValue("Cache-Control")).as(path)
                    .hasValue("public, max-age=10, stale-while-revalidate=30");
            assertThat(response.headers().firstValue("Vary")).as(path).hasValue("Accept, Accept-Encoding, Authorization");
            String etag = response.headers().firstValue("ETag").orElseThrow();
            assertThat(send(request(path).header("If-None-Match", etag)).statusCode()).as(path).isEqualTo(304);
            assertThat(send(request(path).header("Accept", "text/html")).statusCode()).as(path).isEqualTo(406);
            HttpResponse<byte[]> vendorJson = send(request(path).header("Accept", "application/vnd.example+json"));
            assertThat(vendorJson.headers().firstValue("Content-Type")).as(path).hasValue("application/vnd.example+json");
        }
        assertThat(get(tool).body()).isEqualTo(asTheConverterWritesIt(tools.get(s.smolvlmSlug()).orElseThrow().body()));
        assertThat(get(matchup).body())
                .isEqualTo(asTheConverterWritesIt(matchups.get(s.matchupSlug()).orElseThrow().body()));
        assertThat(get("/api/comparisons/tools?rank=gap&limit=100").body())
                .isEqualTo(asTheConverterWritesIt(tools.ranked(ToolRank.GAP, 0, 100)));
        assertThat(get("/api/comparisons/matchups?limit=100").body())
                .isEqualTo(asTheConverterWritesIt(matchups.latest(0, 100)));
    }

    /** What the view's answer was before its bytes were kept: the MVC Jackson converter writing the view object. */
    @SuppressWarnings("unchecked")
    private byte[] asTheConverterWritesIt(Object view) throws Exception {
        HttpMessageConverter<Object> jackson = (HttpMessageConverter<Object>) mvc.getMessageConverters().stream()
                .filter(JacksonJsonHttpMessageConverter.class::isInstance).findFirst().orElseThrow();
        MockHttpOutputMessage out = new MockHttpOutputMessage();
        jackson.write(view, MediaType.APPLICATION_JSON, out);
        return out.getBodyAsBytes();
    }

    private Scenario seeded() throws Exception {
        Scenario s = new Scenario();
        try (EventProducer producer = new EventProducer()) {
            s.events().forEach(producer::sendAny);
            producer.flush();
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            HttpResponse<byte[]> matchup = get("/api/comparisons/matchups/" + s.matchupSlug());
            if (matchup.statusCode() != 200) {
                return false;
            }
            // every event of the scenario applied: no change of these views is still on its way to disturb the counts
            JsonNode view = JSON.readTree(matchup.body());
            JsonNode smolvlm = view.get("tools").get(0);
            JsonNode codeLlama = view.get("tools").get(1);
            boolean smolvlmRevised = smolvlm.get("reviewers").size() == 4;
            for (JsonNode reviewer : smolvlm.get("reviewers")) {
                smolvlmRevised &= reviewer.get("revisionCount").asInt() == 2;
            }
            return smolvlm.get("slug").asString().equals(s.smolvlmSlug()) && smolvlmRevised
                    && codeLlama.get("panel").get("total").asInt() == 4
                    && codeLlama.get("community").get("total").asInt() == 10
                    && !view.get("scorecard").toString().contains("old name");
        });
        return s;
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return send(request(path));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Counts, per class, how often the app's mapper writes a value of it as the root of a document. */
    static final class SerialisationCounts {

        private final Map<Class<?>, AtomicInteger> counts = new ConcurrentHashMap<>();

        int of(Class<?> type) {
            return counts.computeIfAbsent(type, t -> new AtomicInteger()).get();
        }

        JacksonModule module() {
            return new SimpleModule("serialisation-counts").setSerializerModifier(new ValueSerializerModifier() {
                @Override
                public ValueSerializer<?> modifySerializer(SerializationConfig config, BeanDescription.Supplier bean,
                        ValueSerializer<?> serializer) {
                    Class<?> type = bean.getBeanClass();
                    if (type != ToolVerdictView.class && type != MatchupView.class) {
                        return serializer;
                    }
                    return new Counting(serializer, counts.computeIfAbsent(type, t -> new AtomicInteger()));
                }
            });
        }
    }

    /** Delegates to the bean serializer, counting each value written as the root (not one nested in a matchup). */
    static final class Counting extends ValueSerializer<Object> {

        private final ValueSerializer<Object> delegate;
        private final AtomicInteger count;

        @SuppressWarnings("unchecked")
        Counting(ValueSerializer<?> delegate, AtomicInteger count) {
            this.delegate = (ValueSerializer<Object>) delegate;
            this.count = count;
        }

        @Override
        public void resolve(SerializationContext context) {
            delegate.resolve(context);
        }

        @Override
        public ValueSerializer<?> createContextual(SerializationContext context, BeanProperty property) {
            return new Counting(delegate.createContextual(context, property), count);
        }

        @Override
        public void serialize(Object value, JsonGenerator generator, SerializationContext context) {
            if (generator.streamWriteContext().inRoot()) {
                count.incrementAndGet();
            }
            delegate.serialize(value, generator, context);
        }

        @Override
        public Class<?> handledType() {
            return delegate.handledType();
        }
    }

    @TestConfiguration
    static class Counted {

        @Bean
        SerialisationCounts serialisationCounts() {
            return new SerialisationCounts();
        }

        @Bean
        JacksonModule serialisationCountsModule(SerialisationCounts counts) {
            return counts.module();
        }
    }
}
