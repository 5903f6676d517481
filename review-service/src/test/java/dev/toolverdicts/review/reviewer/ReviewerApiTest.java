package dev.toolverdicts.review.reviewer;

import static dev.toolverdicts.review.Http.json;
import static dev.toolverdicts.review.Http.problemField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.toolverdicts.events.EventCodec;
import dev.toolverdicts.events.Topics;
import dev.toolverdicts.events.review.Lens;
import dev.toolverdicts.events.review.ReviewerEvent;
import dev.toolverdicts.review.Http;
import dev.toolverdicts.testsupport.TopicReader;
import dev.toolverdicts.testsupport.TestJwts;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.stream.Stream;
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
class ReviewerApiTest {

    private static final String EDITOR = TestJwts.token("editor-1", "EDITOR");
    private static final String ADMIN = TestJwts.token("admin-1", "ADMIN");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void anEditorPutsAReviewerOnThePanelAndEveryoneCanReadIt() throws Exception {
        String userId = "user-" + UUID.randomUUID();
        HttpResponse<String> created = http.post("/api/reviews/reviewers", EDITOR, body(userId, "BUILDER"));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");
        JsonNode reviewer = json(created);
        String id = reviewer.get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/reviews/reviewers/" + id);
        assertThat(reviewer.get("active").asBoolean()).isTrue();
        assertThat(reviewer.has("userId")).as("the identity link stays private").isFalse();

        HttpResponse<String> read = http.get("/api/reviews/reviewers/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).get("lens").asString()).isEqualTo("BUILDER");
        assertThat(json(http.get("/api/reviews/reviewers")).valueStream().map(r -> r.get("id").asString()))
                .contains(id);
        assertThat(http.get("/api/reviews/reviewers/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void aReviewerReadsTheirOwnProfileAndOthersHaveNone() throws Exception {
        String userId = "user-" + UUID.randomUUID();
        String id = json(http.post("/api/reviews/reviewers", EDITOR, body(userId, "SKEPTIC"))).get("id").asString();

        HttpResponse<String> mine = http.get("/api/reviews/reviewers/me", TestJwts.token(userId, "REVIEWER"));
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(json(mine).get("id").asString()).isEqualTo(id);
        assertThat(json(mine).get("lens").asString()).isEqualTo("SKEPTIC");

        HttpResponse<String> stranger = http.get("/api/reviews/reviewers/me", TestJwts.token("nobody", "REVIEWER"));
        assertThat(stranger.statusCode()).isEqualTo(404);
        assertThat(problemField(stranger)).isEqualTo("reviewer");
        assertThat(http.get("/api/reviews/reviewers/me").statusCode()).as("needs a token").isEqualTo(401);
    }

    @Test
    void updatesNeedTheCurrentVersionAndAreAllPublishedWithTheWholeState() throws Exception {
        String id = json(http.post("/api/reviews/reviewers", EDITOR, body("user-" + UUID.randomUUID(), "SKEPTIC")))
                .get("id").asString();
        String update = """
                {"displayName": "Sam Skeptic", "lens": "SKEPTIC", "bio": "Asks where it breaks.",
                 "disclosure": "Advises a competitor of one listed vendor.", "active": true}""";

        assertThat(http.put("/api/reviews/reviewers/" + id, ADMIN, null, update).statusCode()).isEqualTo(428);
        HttpResponse<String> stale = http.put("/api/reviews/reviewers/" + id, ADMIN, "\"5\"", update);
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(problemField(stale)).isEqualTo("If-Match");
        HttpResponse<String> updated = http.put("/api/reviews/reviewers/" + id, ADMIN, "\"1\"", update);
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(updated.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(http.put("/api/reviews/reviewers/" + id, EDITOR, "\"1\"", update).statusCode())
                .as("the same update again on the old version").isEqualTo(412);

        var events = TopicReader.records(Topics.REVIEW_REVIEWER, id, 2).stream()
                .map(r -> EventCodec.decode(r.value(), ReviewerEvent.class)).toList();
        assertThat(events).extracting(ReviewerEvent::version, ReviewerEvent::displayName, ReviewerEvent::lens,
                        ReviewerEvent::active)
                .containsExactly(tuple(1L, "Pat Panel", Lens.SKEPTIC, true), tuple(2L, "Sam Skeptic", Lens.SKEPTIC, true));
        assertThat(events.get(1).disclosure()).isEqualTo("Advises a competitor of one listed vendor.");
    }

    @Test
    void onlyEditorsAndAdminsManageThePanel() throws Exception {
        String body = body("user-" + UUID.randomUUID(), "FUTURIST");
        long reviewers = count("reviewer");
        HttpResponse<String> anonymous = http.post("/api/reviews/reviewers", null, body);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
        HttpResponse<String> reviewer = http.post("/api/reviews/reviewers", TestJwts.token("r", "REVIEWER"), body);
        assertThat(reviewer.statusCode()).isEqualTo(403);
        assertThat(reviewer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(http.post("/api/reviews/reviewers", "not-a-jwt", body).statusCode()).isEqualTo(401);
        assertThat(count("reviewer")).isEqualTo(reviewers);
    }

    @Test
    void aUserHasAtMostOneReviewerProfile() throws Exception {
        String userId = "user-" + UUID.randomUUID();
        assertThat(http.post("/api/reviews/reviewers", EDITOR, body(userId, "BUYER")).statusCode()).isEqualTo(201);
        HttpResponse<String> again = http.post("/api/reviews/reviewers", EDITOR, body(userId, "BUILDER"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(problemField(again)).isEqualTo("userId");
    }

    static Stream<Arguments> badInput() {
        String ok = body("bad-input-user", "BUILDER");
        return Stream.of(
                Arguments.of("wrong lens", body("bad-input-user", "CRITIC"), "lens"),
                Arguments.of("missing lens", ok.replace("\"lens\": \"BUILDER\",", ""), "lens"),
                Arguments.of("blank display name", ok.replace("\"Pat Panel\"", "\"  \""), "displayName"),
                Arguments.of("oversized bio", ok.replace("\"Reviews tools.\"", "\"" + "b".repeat(601) + "\""), "bio"),
                Arguments.of("missing disclosure", ok.replace(", \"disclosure\": \"None.\"", ""), "disclosure"),
                Arguments.of("unknown field", ok.replace("{", "{\"active\": true, "), "active"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsAProblemNamingTheFieldAndStoresNothing(String why, String body, String field) throws Exception {
        long reviewers = count("reviewer");
        long outbox = count("outbox_event");

        HttpResponse<String> response = http.post("/api/reviews/reviewers", EDITOR, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("errors").valueStream().map(e -> e.get("field").asString())).contains(field);
        assertThat(count("reviewer")).isEqualTo(reviewers);
        assertThat(count("outbox_event")).isEqualTo(outbox);
    }

    private static String body(String userId, String lens) {
        return """
                {"userId": "%s", "displayName": "Pat Panel", "lens": "%s", "bio": "Reviews tools.", "disclosure": "None."}"""
                .formatted(userId, lens);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
