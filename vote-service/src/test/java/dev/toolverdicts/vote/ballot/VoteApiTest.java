package dev.toolverdicts.vote.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.events.EventCodec;
import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.events.Topics;
import dev.toolverdicts.events.catalog.ToolStatus;
import dev.toolverdicts.events.vote.VoteTallyEvent;
import dev.toolverdicts.testsupport.TestJwts;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import dev.toolverdicts.vote.CatalogFeed;
import dev.toolverdicts.vote.VoteHttp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithKafka
@WithJwtIssuer
class VoteApiTest {

    private static final CatalogFeed CATALOG = new CatalogFeed();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    VoteHttp api;
    String slug;
    UUID toolId;

    @AfterAll
    static void closeFeed() {
        CATALOG.close();
    }

    @BeforeEach
    void aPublishedTool() {
        api = new VoteHttp(port);
        toolId = UUID.randomUUID();
        slug = "tool-" + toolId.toString().substring(0, 8);
        CATALOG.tool(toolId, 1, slug, ToolStatus.PUBLISHED);
        awaitTally(slug);
    }

    @Test
    void shipThenSkipMovesEachCountByOneAndRetractRemovesIt() {
        assertThat(api.put(slug, "SHIP", "alice").statusCode()).isEqualTo(200);
        assertThat(api.put(slug, "SHIP", "bob").statusCode()).isEqualTo(200);
        assertCounts(2, 0);

        HttpResponse<String> changed = api.put(slug, "SKIP", "alice");
        assertThat(changed.statusCode()).isEqualTo(200);
        JsonNode vote = VoteHttp.JSON.readTree(changed.body());
        assertThat(vote.get("vote").asString()).isEqualTo("SKIP");
        assertThat(vote.get("tally").get("ship").asLong()).isEqualTo(1);
        assertThat(vote.get("tally").get("skip").asLong()).isEqualTo(1);
        assertCounts(1, 1);

        assertThat(api.put(slug, "SKIP", "alice").statusCode()).as("the same vote again").isEqualTo(200);
        assertCounts(1, 1);
        HttpResponse<String> mine = api.get("/api/votes/tools/" + slug + "/mine", TestJwts.bearer("alice", "MEMBER"));
        assertThat(VoteHttp.JSON.readTree(mine.body()).get("vote").asString()).isEqualTo("SKIP");

        assertThat(api.retract(slug, "alice").statusCode()).isEqualTo(204);
        assertCounts(1, 0);
        assertThat(api.retract(slug, "alice").statusCode()).as("retracting twice changes nothing").isEqualTo(204);
        assertCounts(1, 0);
        HttpResponse<String> none = api.get("/api/votes/tools/" + slug + "/mine", TestJwts.bearer("alice", "MEMBER"));
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(fields(none)).containsExactly("vote");

        List<VoteTallyEvent> events = tallyEvents(4);
        assertThat(events).extracting(VoteTallyEvent::version).containsExactly(1L, 2L, 3L, 4L);
        assertThat(events).extracting(VoteTallyEvent::ship).containsExactly(1L, 2L, 1L, 1L);
        assertThat(events).extracting(VoteTallyEvent::skip).containsExactly(0L, 0L, 1L, 0L);
        assertThat(events).extracting(VoteTallyEvent::slug).containsOnly(slug);
        assertThat(outboxRows()).as("unchanged votes publish nothing").isEqualTo(4);
    }

    @Test
    void theSameVoteRetriedFiveTimesWithOneKeyIsCountedOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String bearer = TestJwts.bearer("carol", "MEMBER");
        List<HttpResponse<String>> answers;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<String>>> retries = IntStream.range(0, 5)
                    .mapToObj(i -> pool.submit(() -> api.vote("POST", slug, VoteHttp.body("SHIP"), bearer, key)))
                    .toList();
            answers = retries.stream().map(VoteApiTest::join).toList();
        }
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
        assertThat(answers).extracting(HttpResponse::body).as("every retry gets the first answer").containsOnly(
                answers.getFirst().body());
        assertThat(answers.stream().filter(a -> a.headers().firstValue("Idempotent-Replayed").isPresent()))
                .hasSize(4);

        HttpResponse<String> sequential = api.vote("POST", slug, VoteHttp.body("SHIP"), bearer, key);
        assertThat(sequential.body()).isEqualTo(answers.getFirst().body());
        assertCounts(1, 0);
        assertThat(outboxRows()).isEqualTo(1);

        HttpResponse<String> otherBody = api.vote("POST", slug, VoteHttp.body("SKIP"), bearer, key);
        assertThat(otherBody.statusCode()).isEqualTo(422);
        assertThat(fields(otherBody)).containsExactly("Idempotency-Key");
        HttpResponse<String> otherMethod = api.vote("DELETE", slug, null, bearer, key);
        assertThat(otherMethod.statusCode()).isEqualTo(422);
        assertCounts(1, 0);

        String retractKey = UUID.randomUUID().toString();
        api.vote("PUT", slug, VoteHttp.body("SHIP"), TestJwts.bearer("dave", "MEMBER"), null);
        assertThat(api.vote("DELETE", slug, null, bearer, retractKey).statusCode()).isEqualTo(204);
        api.vote("POST", slug, VoteHttp.body("SKIP"), bearer, UUID.randomUUID().toString());
        HttpResponse<String> lateRetry = api.vote("DELETE", slug, null, bearer, retractKey);
        assertThat(lateRetry.statusCode()).isEqualTo(204);
        assertThat(lateRetry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertCounts(1, 1);
    }

    @Test
    void aVoteOnAnUnknownOrUnpublishedToolIsAProblemNamingTheTool() {
        UUID draft = CATALOG.tool(UUID.randomUUID(), 1, slug + "-draft", ToolStatus.DRAFT);
        CATALOG.tool(UUID.randomUUID(), 1, slug + "-archived", ToolStatus.PUBLISHED);
        CATALOG.tool(UUID.randomUUID(), 1, slug + "-marker", ToolStatus.PUBLISHED);
        awaitTally(slug + "-marker");
        assertThat(draft).isNotNull();

        for (String tool : List.of("no-such-tool", slug + "-draft")) {
            HttpResponse<String> response = api.put(tool, "SHIP", "erin");
            assertThat(response.statusCode()).as(tool).isEqualTo(422);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(fields(response)).containsExactly("slug");
            assertThat(response.body()).contains(tool);
        }
        assertThat(api.get("/api/votes/tools/no-such-tool/tally", null).statusCode()).isEqualTo(404);
        assertThat(count("member where member_id = 'erin'")).isZero();
    }

    @Test
    void anArchivedToolTakesNoMoreVotesAndALateOlderEventDoesNotBringItBack() {
        api.put(slug, "SHIP", "frank");
        CATALOG.tool(toolId, 2, slug, ToolStatus.ARCHIVED);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/votes/tools/" + slug + "/tally", null).statusCode() == 404);

        CATALOG.tool(toolId, 1, slug, ToolStatus.PUBLISHED);
        String marker = slug + "-next";
        CATALOG.tool(UUID.randomUUID(), 1, marker, ToolStatus.PUBLISHED);
        awaitTally(marker);

        assertThat(api.put(slug, "SKIP", "frank").statusCode()).isEqualTo(422);
        assertThat(jdbc.sql("select status from published_tool where tool_id = ?").param(toolId).query(String.class).single())
                .isEqualTo("ARCHIVED");
    }

    @Test
    void aPoisonCatalogRecordGoesToTheDeadLetterTopicAndTheNextOneIsStillApplied() {
        UUID poisoned = UUID.randomUUID();
        byte[] poison = "{\"toolId\": \"not-a-uuid\", \"version\": ".getBytes(StandardCharsets.UTF_8);
        CATALOG.sendRaw(poisoned.toString(), poison, EventTypes.CATALOG_TOOL.name());
        CATALOG.tool(poisoned, 1, slug + "-after-poison", ToolStatus.PUBLISHED);

        awaitTally(slug + "-after-poison");
        List<ConsumerRecord<String, byte[]>> deadLetters =
                CatalogFeed.records(Topics.deadLetter(Topics.CATALOG_TOOL), poisoned.toString(), 1);
        assertThat(deadLetters.getFirst().value()).isEqualTo(poison);
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("missing vote", "{}", null, "vote"),
                Arguments.of("null vote", "{\"vote\": null}", null, "vote"),
                Arguments.of("no such vote", "{\"vote\": \"MAYBE\"}", null, "vote"),
                Arguments.of("wrong type", "{\"vote\": 1}", null, "vote"),
                Arguments.of("unknown field", "{\"vote\": \"SHIP\", \"weight\": 10}", null, "weight"),
                Arguments.of("malformed JSON", "{\"vote\": ", null, "body"),
                Arguments.of("empty body", "", null, "body"),
                Arguments.of("blank idempotency key", VoteHttp.body("SHIP"), " ", "Idempotency-Key"),
                Arguments.of("oversized idempotency key", VoteHttp.body("SHIP"), "k".repeat(256), "Idempotency-Key"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsAProblemNamingTheFieldAndStoresNothing(String why, String body, String key, String field) {
        long ballots = count("ballot");
        long outbox = count("outbox_event");
        long keys = count("idempotent_request");

        HttpResponse<String> response = api.vote("POST", slug, body, TestJwts.bearer("grace", "MEMBER"), key);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(fields(response)).contains(field);
        assertThat(count("ballot")).isEqualTo(ballots);
        assertThat(count("outbox_event")).isEqualTo(outbox);
        assertThat(count("idempotent_request")).isEqualTo(keys);
        assertThat(count("member where member_id = 'grace'")).isZero();
    }

    @Test
    void talliesArePublicVotingNeedsAMemberAndFlagsNeedAnAdmin() {
        assertThat(api.get("/api/votes/tools/" + slug + "/tally", null).statusCode()).isEqualTo(200);
        assertThat(api.vote("PUT", slug, VoteHttp.body("SHIP"), null, null).statusCode()).isEqualTo(401);
        assertThat(api.vote("PUT", slug, VoteHttp.body("SHIP"), "Bearer not-a-jwt", null).statusCode()).isEqualTo(401);
        assertThat(api.vote("PUT", slug, VoteHttp.body("SHIP"),
                "Bearer " + TestJwts.token("heidi", Duration.ofMinutes(-5), "MEMBER"), null).statusCode())
                .isEqualTo(401);
        assertThat(api.vote("PUT", slug, VoteHttp.body("SHIP"), TestJwts.bearer("ivan", "REVIEWER"), null)
                .statusCode()).isEqualTo(403);
        assertThat(api.get("/api/votes/tools/" + slug + "/mine", null).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/votes/admin/flags", TestJwts.bearer("judy", "MEMBER")).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/votes/admin/flags", TestJwts.bearer("root", "ADMIN")).statusCode()).isEqualTo(200);
        assertThat(count("ballot where tool_id = '" + toolId + "'")).isZero();
    }

    private void assertCounts(long ship, long skip) {
        JsonNode tally = api.tally(slug);
        assertThat(tally.get("ship").asLong()).as("ship").isEqualTo(ship);
        assertThat(tally.get("skip").asLong()).as("skip").isEqualTo(skip);
    }

    private List<VoteTallyEvent> tallyEvents(int expected) {
        return CatalogFeed.records(Topics.VOTE_TALLY, toolId.toString(), expected).stream()
                .map(ConsumerRecord::value)
                .map(bytes -> EventCodec.decode(bytes, VoteTallyEvent.class))
                .toList();
    }

    private long outboxRows() {
        return jdbc.sql("select count(*) from outbox_event where message_key = ?").param(toolId.toString())
                .query(Long.class).single();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static List<String> fields(HttpResponse<String> problem) {
        return VoteHttp.JSON.readTree(problem.body()).get("errors").valueStream()
                .map(error -> error.get("field").asString()).toList();
    }

    private void awaitTally(String tool) {
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/votes/tools/" + tool + "/tally", null).statusCode() == 200);
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
