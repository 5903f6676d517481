package dev.toolverdicts.catalog.matchup;

import static dev.toolverdicts.catalog.Http.json;
import static dev.toolverdicts.catalog.Http.problemFields;
import static dev.toolverdicts.catalog.Http.toolBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.toolverdicts.catalog.Http;
import dev.toolverdicts.testsupport.TopicReader;
import dev.toolverdicts.events.EventCodec;
import dev.toolverdicts.events.Topics;
import dev.toolverdicts.events.catalog.MatchupEvent;
import dev.toolverdicts.events.catalog.MatchupStatus;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithKafka
@WithJwtIssuer
class MatchupApiTest {

    private static final String MATCHUPS = "/api/catalog/matchups";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aMatchupOfTwoPublishedToolsIsCreatedPublishedAndItsEventsCarryTheWholeState() throws Exception {
        String a = publishedTool("alpha");
        String b = publishedTool("beta");

        HttpResponse<String> created = http.post(MATCHUPS, matchup(a, b, a + " vs " + b));
        assertThat(created.statusCode()).isEqualTo(201);
        String slug = a + "-vs-" + b;
        assertThat(created.headers().firstValue("Location")).hasValue(MATCHUPS + "/" + slug);
        assertThat(json(created).get("status").asString()).isEqualTo("DRAFT");
        assertThat(json(created).get("toolA").get("slug").asString()).isEqualTo(a);
        assertThat(http.get(MATCHUPS + "/" + slug).statusCode()).as("a draft is not public").isEqualTo(404);

        HttpResponse<String> published = http.post(MATCHUPS + "/" + slug + "/publish", "");
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(json(published).get("publishedAt").isNull()).isFalse();
        HttpResponse<String> read = http.get(MATCHUPS + "/" + slug);
        assertThat(read.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(http.get(MATCHUPS + "/" + slug, Map.of("If-None-Match", "\"2\"")).statusCode()).isEqualTo(304);

        assertThat(http.put(MATCHUPS + "/" + slug, null, "{\"headline\": \"No If-Match\"}").statusCode())
                .isEqualTo(428);
        assertThat(http.put(MATCHUPS + "/" + slug, "\"1\"", "{\"headline\": \"Stale\"}").statusCode())
                .isEqualTo(412);
        HttpResponse<String> renamed = http.put(MATCHUPS + "/" + slug, "\"2\"", "{\"headline\": \"Which one?\"}");
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(http.post(MATCHUPS + "/" + slug + "/archive", "").statusCode()).isEqualTo(200);

        String id = json(created).get("id").asString();
        List<MatchupEvent> events = TopicReader.records(Topics.CATALOG_MATCHUP, id, 4).stream()
                .map(r -> EventCodec.decode(r.value(), MatchupEvent.class)).toList();
        assertThat(events).extracting(MatchupEvent::version, MatchupEvent::status, MatchupEvent::headline)
                .containsExactly(tuple(1L, MatchupStatus.DRAFT, a + " vs " + b),
                        tuple(2L, MatchupStatus.PUBLISHED, a + " vs " + b),
                        tuple(3L, MatchupStatus.PUBLISHED, "Which one?"),
                        tuple(4L, MatchupStatus.ARCHIVED, "Which one?"));
        MatchupEvent last = events.getLast();
        assertThat(last.slug()).isEqualTo(slug);
        assertThat(last.toolASlug()).isEqualTo(a);
        assertThat(last.toolBSlug()).isEqualTo(b);
        assertThat(last.toolAId()).isNotEqualTo(last.toolBId());
        assertThat(last.publishedAt()).isEqualTo(events.get(1).publishedAt()).isNotNull();
    }

    @Test
    void aMatchupNeedsTwoDistinctPublishedToolsAndOtherwiseIs422NamingTheField() throws Exception {
        String a = publishedTool("gamma");
        String b = publishedTool("delta");
        String draft = newSlug("draft");
        assertThat(http.post("/api/catalog/tools", toolBody(draft)).statusCode()).isEqualTo(201);
        assertThat(http.post(MATCHUPS, matchup(a, b, "The pair")).statusCode()).isEqualTo(201);
        long matchups = count("matchup");
        long outbox = count("outbox_event");

        assertProblem(http.post(MATCHUPS, matchup(a, a, "Same")), 422, "toolB");
        assertProblem(http.post(MATCHUPS, matchup(a, draft, "Draft")), 422, "toolB");
        assertProblem(http.post(MATCHUPS, matchup("no-such-tool", b, "Unknown")), 422, "toolA");
        assertProblem(http.post(MATCHUPS, matchup(b, a, "Reversed")), 409, "toolB");
        assertProblem(http.post(MATCHUPS, matchup(a, b, "Again")), 409, "slug");
        assertProblem(http.post(MATCHUPS, "{\"toolA\": \"" + a + "\", \"toolB\": \"" + b + "\"}"), 400, "headline");
        assertProblem(http.post(MATCHUPS, "{\"toolA\": \"" + a + "\", \"toolB\": \"" + b
                + "\", \"headline\": \"x\", \"status\": \"PUBLISHED\"}"), 400, "status");
        assertProblem(http.post(MATCHUPS, Http.MEMBER, matchup(a, draft, "Member")), 403, null);

        assertThat(count("matchup")).isEqualTo(matchups);
        assertThat(count("outbox_event")).isEqualTo(outbox);
    }

    @Test
    void publishingNeedsBothToolsToBePublishedStill() throws Exception {
        String a = publishedTool("eps");
        String b = publishedTool("zeta");
        http.post(MATCHUPS, matchup(a, b, "Before the archive"));
        http.post("/api/catalog/tools/" + b + "/archive", "");

        assertProblem(http.post(MATCHUPS + "/" + a + "-vs-" + b + "/publish", ""), 422, "toolB");
    }

    private void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        if (field != null) {
            assertThat(problemFields(response)).containsExactly(field);
        }
    }

    private String publishedTool(String prefix) throws Exception {
        String slug = newSlug(prefix);
        assertThat(http.post("/api/catalog/tools", toolBody(slug)).statusCode()).isEqualTo(201);
        assertThat(http.post("/api/catalog/tools/" + slug + "/publish", "").statusCode()).isEqualTo(200);
        return slug;
    }

    private static String matchup(String a, String b, String headline) {
        return "{\"toolA\": \"" + a + "\", \"toolB\": \"" + b + "\", \"headline\": " + Http.quote(headline) + "}";
    }

    private static String newSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
