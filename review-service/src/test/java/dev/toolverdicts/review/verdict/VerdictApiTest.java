package dev.toolverdicts.review.verdict;

import static dev.toolverdicts.review.Http.json;
import static dev.toolverdicts.review.Http.problemField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.toolverdicts.events.CloudEventHeaders;
import dev.toolverdicts.events.EventCodec;
import dev.toolverdicts.events.Topics;
import dev.toolverdicts.events.catalog.ToolStatus;
import dev.toolverdicts.events.review.Lens;
import dev.toolverdicts.events.review.ShipOrSkip;
import dev.toolverdicts.events.review.VerdictEvent;
import dev.toolverdicts.events.review.VerdictStatus;
import dev.toolverdicts.review.CatalogFeed;
import dev.toolverdicts.review.Http;
import dev.toolverdicts.testsupport.TopicReader;
import dev.toolverdicts.testsupport.TestJwts;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerdictApiTest {

    private static final String EDITOR = TestJwts.token("editor-1", "EDITOR");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Http http;
    private CatalogFeed catalog;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        if (catalog == null) {
            catalog = new CatalogFeed(jdbc);
        }
    }

    @AfterAll
    void closeFeed() {
        catalog.close();
    }

    @Test
    void ofConcurrentRevisionsOfOneVerdictExactlyOneWinsAndTheHistoryStaysExact() throws Exception {
        String slug = slug("race");
        catalog.published(slug);
        String token = reviewer(Lens.BUILDER);
        HttpResponse<String> first = http.put(mine(slug), token, null, body("SHIP", "The original take."));
        assertThat(first.statusCode()).isEqualTo(201);
        String id = json(first).get("id").asString();

        List<CompletableFuture<HttpResponse<String>>> racing = IntStream.range(0, 4)
                .mapToObj(i -> http.putAsync(mine(slug), token, "\"1\"", body("SKIP", "Revision number " + i + ".")))
                .toList();
        List<HttpResponse<String>> answers = racing.stream().map(CompletableFuture::join).toList();

        assertThat(answers).filteredOn(r -> r.statusCode() == 200).hasSize(1);
        assertThat(answers).filteredOn(r -> r.statusCode() != 200)
                .allSatisfy(r -> assertThat(r.statusCode()).isIn(409, 412));
        String winningTake = answers.stream().filter(r -> r.statusCode() == 200).map(r -> json(r).get("take"))
                .findFirst().orElseThrow().asString();
        JsonNode current = json(http.get("/api/reviews/verdicts/" + id));
        assertThat(current.get("version").asLong()).isEqualTo(2);
        assertThat(current.get("revisionCount").asInt()).isEqualTo(2);
        assertThat(current.get("take").asString()).isEqualTo(winningTake);
        JsonNode history = json(http.get("/api/reviews/verdicts/" + id + "/revisions"));
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(1).get("kind").asString()).isEqualTo("REVISED");
        assertThat(history.get(1).get("oldTake").asString()).isEqualTo("The original take.");
        assertThat(history.get(1).get("newTake").asString()).isEqualTo(winningTake);
        assertThat(history.get(1).get("oldVerdict").asString()).isEqualTo("SHIP");
        assertThat(history.get(1).get("newVerdict").asString()).isEqualTo("SKIP");
    }

    @Test
    void aToolThatIsUnknownOrNotPublishedIsA422NamingTheTool() throws Exception {
        String token = reviewer(Lens.SKEPTIC);
        long verdicts = count("verdict");

        HttpResponse<String> unknown = http.put(mine("no-such-tool"), token, null, body("SHIP", "Nice."));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(problemField(unknown)).isEqualTo("tool");
        assertThat(json(unknown).get("detail").asString()).contains("no-such-tool");

        String draft = slug("draft");
        UUID draftId = UUID.randomUUID();
        catalog.send(CatalogFeed.event(draftId, 1, draft, ToolStatus.DRAFT));
        catalog.awaitKnown(draftId, 1);
        HttpResponse<String> notPublished = http.put(mine(draft), token, null, body("SHIP", "Nice."));
        assertThat(notPublished.statusCode()).isEqualTo(422);
        assertThat(json(notPublished).get("detail").asString()).contains(draft).contains("DRAFT");

        String archived = slug("archived");
        UUID archivedId = catalog.published(archived);
        HttpResponse<String> before = http.put(mine(archived), token, null, body("SHIP", "Before archiving."));
        assertThat(before.statusCode()).isEqualTo(201);
        catalog.send(CatalogFeed.event(archivedId, 2, archived, ToolStatus.ARCHIVED));
        catalog.awaitKnown(archivedId, 2);
        HttpResponse<String> after = http.put(mine(archived), token, "\"1\"", body("SKIP", "After archiving."));
        assertThat(after.statusCode()).isEqualTo(422);
        assertThat(json(after).get("detail").asString()).contains(archived).contains("ARCHIVED");
        assertThat(count("verdict")).isEqualTo(verdicts + 1);
    }

    @Test
    void aWithdrawnVerdictCanBeSubmittedAgainAndEveryStepIsInTheHistory() throws Exception {
        String slug = slug("withdraw");
        catalog.published(slug);
        String token = reviewer(Lens.FUTURIST);
        String id = json(http.put(mine(slug), token, null, body("SHIP", "Early, but right."))).get("id").asString();

        assertThat(http.delete(mine(slug), token, null).statusCode()).as("withdrawing needs If-Match").isEqualTo(428);
        assertThat(http.delete(mine(slug), token, "\"7\"").statusCode()).as("a stale If-Match").isEqualTo(412);
        HttpResponse<String> withdrawn = http.delete(mine(slug), token, "\"1\"");
        assertThat(withdrawn.statusCode()).isEqualTo(200);
        assertThat(withdrawn.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(json(withdrawn).get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(json(withdrawn).get("verdict").isNull()).isTrue();
        assertThat(json(http.get("/api/reviews/tools/" + slug + "/verdicts")).size()).isZero();

        assertThat(http.put(mine(slug), token, null, body("SKIP", "Too early.")).statusCode())
                .as("resubmitting changes an existing verdict, so it needs If-Match").isEqualTo(428);
        HttpResponse<String> again = http.put(mine(slug), token, "\"2\"", body("SKIP", "Too early after all."));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("id").asString()).isEqualTo(id);
        assertThat(json(again).get("status").asString()).isEqualTo("SUBMITTED");

        JsonNode current = json(http.get("/api/reviews/tools/" + slug + "/verdicts"));
        assertThat(current.size()).isEqualTo(1);
        assertThat(current.get(0).get("verdict").asString()).isEqualTo("SKIP");
        assertThat(current.get(0).get("lens").asString()).isEqualTo("FUTURIST");
        JsonNode history = json(http.get("/api/reviews/verdicts/" + id + "/revisions"));
        assertThat(history.valueStream().map(r -> r.get("kind").asString()))
                .containsExactly("SUBMITTED", "WITHDRAWN", "RESUBMITTED");
        assertThat(history.get(1).get("oldVerdict").asString()).isEqualTo("SHIP");
        assertThat(history.get(1).get("newVerdict").isNull()).isTrue();
        assertThat(history.get(2).get("newTake").asString()).isEqualTo("Too early after all.");
    }

    @Test
    void aReviewerCanTouchOnlyTheirOwnVerdict() throws Exception {
        String slug = slug("own");
        catalog.published(slug);
        String owner = reviewer(Lens.BUILDER);
        String other = reviewer(Lens.SKEPTIC);
        String id = json(http.put(mine(slug), owner, null, body("SHIP", "Mine."))).get("id").asString();
        long outbox = count("outbox_event");

        HttpResponse<String> revise = http.put("/api/reviews/verdicts/" + id, other, "\"1\"", body("SKIP", "Not yours."));
        assertThat(revise.statusCode()).isEqualTo(403);
        assertThat(problemField(revise)).isEqualTo("verdict");
        assertThat(http.delete("/api/reviews/verdicts/" + id, other, "\"1\"").statusCode()).isEqualTo(403);
        assertThat(http.put("/api/reviews/verdicts/" + id, TestJwts.token("nobody", "REVIEWER"), "\"1\"",
                body("SKIP", "No profile.")).statusCode()).as("a REVIEWER without a profile").isEqualTo(403);
        assertThat(http.put(mine(slug), TestJwts.token("member-1", "MEMBER"), null, body("SKIP", "Member."))
                .statusCode()).as("not a reviewer").isEqualTo(403);
        HttpResponse<String> anonymous = http.put(mine(slug), null, null, body("SKIP", "Anonymous."));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(http.get("/api/reviews/verdicts/" + id)).get("take").asString()).isEqualTo("Mine.");
        assertThat(count("outbox_event")).isEqualTo(outbox);

        HttpResponse<String> byOwner = http.put("/api/reviews/verdicts/" + id, owner, "\"1\"", body("SKIP", "Changed my mind."));
        assertThat(byOwner.statusCode()).isEqualTo(200);
        assertThat(byOwner.headers().firstValue("ETag")).hasValue("\"2\"");
    }

    @Test
    void anInactiveReviewerCannotSubmit() throws Exception {
        String slug = slug("inactive");
        catalog.published(slug);
        String userId = "reviewer-" + UUID.randomUUID();
        JsonNode created = createReviewer(userId, Lens.BUYER);
        HttpResponse<String> deactivated = http.put("/api/reviews/reviewers/" + created.get("id").asString(), EDITOR,
                "\"1\"", """
                        {"displayName": "Retired", "lens": "BUYER", "bio": "Was on the panel.",
                         "disclosure": "None.", "active": false}""");
        assertThat(deactivated.statusCode()).isEqualTo(200);

        HttpResponse<String> submitted = http.put(mine(slug), TestJwts.token(userId, "REVIEWER"), null,
                body("SHIP", "Still here."));
        assertThat(submitted.statusCode()).isEqualTo(403);
        assertThat(problemField(submitted)).isEqualTo("reviewer");
    }

    static Stream<Arguments> badInput() {
        String ok = body("SHIP", "A take.");
        return Stream.of(
                Arguments.of("empty take", body("SHIP", ""), "take"),
                Arguments.of("blank take", body("SHIP", "  \\n\\n  "), "take"),
                Arguments.of("oversized take", body("SHIP", "x".repeat(4001)), "take"),
                Arguments.of("control characters in the take", body("SHIP", "bell \\u0007"), "take"),
                Arguments.of("unknown verdict", body("MAYBE", "A take."), "verdict"),
                Arguments.of("missing verdict", "{\"take\": \"A take.\"}", "verdict"),
                Arguments.of("oversized model version", ok.replace("}", ", \"modelVersion\": \"" + "v".repeat(61) + "\"}"),
                        "modelVersion"),
                Arguments.of("unknown field", ok.replace("{", "{\"lens\": \"BUILDER\", "), "lens"),
                Arguments.of("malformed JSON", "{\"verdict\": ", "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsAProblemNamingTheFieldAndStoresNothing(String why, String body, String field) throws Exception {
        String slug = slug("bad");
        catalog.published(slug);
        String token = reviewer(Lens.BUILDER);
        long verdicts = count("verdict");
        long revisions = count("verdict_revision");
        long outbox = count("outbox_event");

        HttpResponse<String> response = http.put(mine(slug), token, null, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("errors").valueStream().map(e -> e.get("field").asString())).contains(field);
        assertThat(count("verdict")).isEqualTo(verdicts);
        assertThat(count("verdict_revision")).isEqualTo(revisions);
        assertThat(count("outbox_event")).isEqualTo(outbox);
    }

    @Test
    void aTakeOfExactlyTheLimitIsAcceptedWithItsParagraphs() throws Exception {
        String slug = slug("limit");
        catalog.published(slug);
        String take = "First paragraph.\n\n" + "y".repeat(4000 - "First paragraph.\n\n".length());
        HttpResponse<String> response = http.put(mine(slug), reviewer(Lens.BUYER), null,
                Http.JSON.writeValueAsString(java.util.Map.of("verdict", "SKIP", "take", take)));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(json(response).get("take").asString()).isEqualTo(take);
    }

    @Test
    void oneToolsVerdictEventsArePublishedWithTheirWholeStateInOrder() throws Exception {
        String slug = slug("events");
        UUID toolId = catalog.published(slug);
        String builder = reviewer(Lens.BUILDER);
        String buyer = reviewer(Lens.BUYER);
        String builderVerdict = json(http.put(mine(slug), builder, null, body("SHIP", "Great primitive.")))
                .get("id").asString();
        http.put(mine(slug), buyer, null, body("SKIP", "No business model."));
        assertThat(http.put(mine(slug), builder, "\"1\"",
                "{\"verdict\": \"SHIP\", \"take\": \"Still great.\", \"modelVersion\": \"v2\"}").statusCode())
                .isEqualTo(200);
        assertThat(http.delete(mine(slug), builder, "\"2\"").statusCode()).isEqualTo(200);

        List<ConsumerRecord<String, byte[]>> records = TopicReader.records(Topics.REVIEW_VERDICT, toolId.toString(), 4);

        List<VerdictEvent> events = records.stream().map(r -> EventCodec.decode(r.value(), VerdictEvent.class)).toList();
        assertThat(events).extracting(VerdictEvent::lens, VerdictEvent::version, VerdictEvent::verdict,
                        VerdictEvent::status, VerdictEvent::revisionCount)
                .containsExactly(
                        tuple(Lens.BUILDER, 1L, ShipOrSkip.SHIP, VerdictStatus.SUBMITTED, 1),
                        tuple(Lens.BUYER, 1L, ShipOrSkip.SKIP, VerdictStatus.SUBMITTED, 1),
                        tuple(Lens.BUILDER, 2L, ShipOrSkip.SHIP, VerdictStatus.SUBMITTED, 2),
                        tuple(Lens.BUILDER, 3L, null, VerdictStatus.WITHDRAWN, 3));
        VerdictEvent revised = events.get(2);
        assertThat(revised.verdictId()).hasToString(builderVerdict);
        assertThat(revised.toolId()).isEqualTo(toolId);
        assertThat(revised.toolSlug()).isEqualTo(slug);
        assertThat(revised.take()).isEqualTo("Still great.");
        assertThat(revised.modelVersion()).isEqualTo("v2");
        assertThat(revised.reviewerDisplayName()).startsWith("Reviewer ");
        assertThat(revised.changedAt()).isNotNull();
        assertThat(events.get(3).take()).isNull();
        assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.getFirst().partition());
        assertThat(new String(records.getFirst().headers().lastHeader(CloudEventHeaders.TYPE).value(),
                StandardCharsets.UTF_8)).isEqualTo("dev.toolverdicts.review.verdict.v1");
    }

    @Test
    void renamingAReviewerRepublishesTheirVerdictsUnderTheNewName() throws Exception {
        String slug = slug("rename");
        UUID toolId = catalog.published(slug);
        String userId = "reviewer-" + UUID.randomUUID();
        JsonNode reviewer = createReviewer(userId, Lens.SKEPTIC);
        String token = TestJwts.token(userId, "REVIEWER");
        String verdictId = json(http.put(mine(slug), token, null, body("SKIP", "Breaks at scale."))).get("id").asString();

        assertThat(http.put("/api/reviews/reviewers/" + reviewer.get("id").asString(), EDITOR, "\"1\"", """
                {"displayName": "Renamed Skeptic", "lens": "SKEPTIC", "bio": "Asks where it breaks.",
                 "disclosure": "None.", "active": true}""").statusCode()).isEqualTo(200);

        List<VerdictEvent> events = TopicReader.records(Topics.REVIEW_VERDICT, toolId.toString(), 2).stream()
                .map(r -> EventCodec.decode(r.value(), VerdictEvent.class)).toList();
        assertThat(events).extracting(VerdictEvent::version, VerdictEvent::reviewerDisplayName, VerdictEvent::revisionCount)
                .containsExactly(tuple(1L, "Reviewer " + userId, 1), tuple(2L, "Renamed Skeptic", 1));
        assertThat(json(http.get("/api/reviews/verdicts/" + verdictId)).get("reviewerDisplayName").asString())
                .isEqualTo("Renamed Skeptic");
        assertThat(json(http.get("/api/reviews/reviewers/" + reviewer.get("id").asString() + "/verdicts")).size())
                .isEqualTo(1);
    }

    @Test
    void theDemoPanelLoadsThroughThePublicApi() throws Exception {
        JsonNode panel;
        try (var in = getClass().getResourceAsStream("/demo/panel.json")) {
            panel = Http.JSON.readTree(in);
        }
        for (String slug : List.of("smolvlm-3b", "code-llama-4", "llama-4-compact-12b")) {
            catalog.published(slug);
        }
        for (JsonNode reviewer : panel.get("reviewers")) {
            HttpResponse<String> created = http.post("/api/reviews/reviewers", EDITOR, reviewer.toString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        for (JsonNode verdict : panel.get("verdicts")) {
            HttpResponse<String> submitted = http.put(mine(verdict.get("toolSlug").asString()),
                    TestJwts.token(verdict.get("userId").asString(), "REVIEWER"), null, verdict.get("body").toString());
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        }

        JsonNode smolvlm = json(http.get("/api/reviews/tools/smolvlm-3b/verdicts"));
        assertThat(smolvlm.valueStream().map(v -> v.get("lens").asString() + ":" + v.get("verdict").asString()))
                .containsExactly("BUILDER:SHIP", "SKEPTIC:SHIP", "FUTURIST:SHIP", "BUYER:SKIP");
        for (String slug : List.of("code-llama-4", "llama-4-compact-12b")) {
            assertThat(json(http.get("/api/reviews/tools/" + slug + "/verdicts")).valueStream()
                    .map(v -> v.get("verdict").asString())).containsExactly("SHIP", "SHIP", "SHIP", "SHIP");
        }
    }

    private String reviewer(Lens lens) throws Exception {
        String userId = "reviewer-" + UUID.randomUUID();
        createReviewer(userId, lens);
        return TestJwts.token(userId, "REVIEWER");
    }

    private JsonNode createReviewer(String userId, Lens lens) throws Exception {
        HttpResponse<String> created = http.post("/api/reviews/reviewers", EDITOR, """
                {"userId": "%s", "displayName": "Reviewer %s", "lens": "%s", "bio": "Reviews for the panel.",
                 "disclosure": "None."}""".formatted(userId, userId, lens));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created);
    }

    private static String body(String verdict, String take) {
        return "{\"verdict\": \"%s\", \"take\": \"%s\"}".formatted(verdict, take);
    }

    private static String mine(String slug) {
        return "/api/reviews/tools/" + slug + "/verdicts/mine";
    }

    private static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
