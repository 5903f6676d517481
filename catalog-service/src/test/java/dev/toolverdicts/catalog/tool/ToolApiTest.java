package dev.toolverdicts.catalog.tool;

import dev.toolverdicts.problem.IfMatch;
import static dev.toolverdicts.catalog.Http.json;
import static dev.toolverdicts.catalog.Http.problemFields;
import static dev.toolverdicts.catalog.Http.toolBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.toolverdicts.catalog.Http;
import dev.toolverdicts.testsupport.TopicReader;
import dev.toolverdicts.events.CloudEventHeaders;
import dev.toolverdicts.events.EventCodec;
import dev.toolverdicts.events.Topics;
import dev.toolverdicts.events.catalog.PricingModel;
import dev.toolverdicts.events.catalog.ToolEvent;
import dev.toolverdicts.events.catalog.ToolStatus;
import dev.toolverdicts.testsupport.TestJwts;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithKafka
@WithJwtIssuer
class ToolApiTest {

    private static final String TOOLS = "/api/catalog/tools";

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
    void createUpdatePublishArchiveArePublishedInOrderWithTheWholeState() throws Exception {
        String slug = newSlug("tool");
        HttpResponse<String> created = http.post(TOOLS, toolBody(slug));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue(TOOLS + "/" + slug);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(json(created).get("status").asString()).isEqualTo("DRAFT");
        assertThat(json(created).get("pricing").get("entry").asString()).isEqualTo("$0.50 per 1M tokens");
        UUID id = UUID.fromString(json(created).get("id").asString());

        HttpResponse<String> updated = http.put(TOOLS + "/" + slug, "\"1\"",
                toolBody(slug, Map.of("pricing", "{\"model\": \"PAID\", \"amount\": 20, \"currency\": \"USD\", "
                        + "\"unit\": \"month\"}")));
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(updated.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(json(updated).get("pricing").get("entry").asString()).isEqualTo("from $20/month");
        assertThat(http.put(TOOLS + "/" + slug, "\"2\"", toolBody(slug, Map.of("pricing",
                "{\"model\": \"PAID\", \"amount\": 20.00, \"currency\": \"USD\", \"unit\": \"month\"}")))
                .headers().firstValue("ETag")).as("the same content again changes nothing").hasValue("\"2\"");

        HttpResponse<String> published = http.post(TOOLS + "/" + slug + "/publish", "");
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(json(published).get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(http.post(TOOLS + "/" + slug + "/publish", "").headers().firstValue("ETag"))
                .as("publishing twice changes nothing").hasValue("\"3\"");
        HttpResponse<String> archived = http.post(TOOLS + "/" + slug + "/archive", "");
        assertThat(json(archived).get("status").asString()).isEqualTo("ARCHIVED");
        assertThat(http.get(TOOLS + "/" + slug).statusCode()).as("archived tools stay readable").isEqualTo(200);

        List<ConsumerRecord<String, byte[]>> records = TopicReader.records(Topics.CATALOG_TOOL, id.toString(), 4);
        List<ToolEvent> events = records.stream().map(r -> EventCodec.decode(r.value(), ToolEvent.class)).toList();
        assertThat(events).extracting(ToolEvent::version, ToolEvent::status).containsExactly(
                tuple(1L, ToolStatus.DRAFT), tuple(2L, ToolStatus.DRAFT), tuple(3L, ToolStatus.PUBLISHED),
                tuple(4L, ToolStatus.ARCHIVED));
        ToolEvent last = events.getLast();
        assertThat(last.pricing().model()).isEqualTo(PricingModel.PAID);
        assertThat(last.pricing().entry()).isEqualTo("from $20/month");
        assertThat(last.facts().parametersBillions()).containsExactly(new BigDecimal("3"));
        assertThat(last.facts().openWeights()).isTrue();
        assertThat(last.links().homepage()).isEqualTo("https://huggingface.co/blog/smolvlm");
        ConsumerRecord<String, byte[]> first = records.getFirst();
        for (String header : List.of(CloudEventHeaders.ID, CloudEventHeaders.SOURCE, CloudEventHeaders.TYPE,
                CloudEventHeaders.TIME, CloudEventHeaders.SUBJECT, CloudEventHeaders.SPEC_VERSION)) {
            assertThat(first.headers().lastHeader(header)).as(header).isNotNull();
        }
        assertThat(header(first, CloudEventHeaders.TYPE)).isEqualTo("dev.toolverdicts.catalog.tool.v1");
        assertThat(header(first, CloudEventHeaders.SUBJECT)).isEqualTo(slug);
    }

    @Test
    void aLogoUrlIsKeptShownAndCarriedInTheEventAndAReplaceWithoutItRemovesIt() throws Exception {
        String slug = newSlug("logo");
        String logo = "https://cdn.example.com/logos/" + slug + ".svg";
        String longest = "https://example.com/" + "l".repeat(480);
        assertThat(longest).hasSize(500);
        HttpResponse<String> created = http.post(TOOLS, toolBody(slug, Map.of("logoUrl", Http.quote(logo))));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).get("logoUrl").asString()).isEqualTo(logo);
        UUID id = UUID.fromString(json(created).get("id").asString());
        assertThat(json(http.get(TOOLS + "/" + slug, Map.of("Authorization", "Bearer " + Http.EDITOR)))
                .get("logoUrl").asString()).as("a draft, read by an editor").isEqualTo(logo);

        HttpResponse<String> longer = http.put(TOOLS + "/" + slug, "\"1\"",
                toolBody(slug, Map.of("logoUrl", Http.quote(longest))));
        assertThat(longer.statusCode()).as("500 characters is allowed").isEqualTo(200);
        HttpResponse<String> without = http.put(TOOLS + "/" + slug, "\"2\"", toolBody(slug));
        assertThat(without.statusCode()).isEqualTo(200);
        assertThat(json(without).get("logoUrl").isNull()).as("a replace without logoUrl removes the logo").isTrue();

        List<ToolEvent> events = TopicReader.records(Topics.CATALOG_TOOL, id.toString(), 3).stream()
                .map(r -> EventCodec.decode(r.value(), ToolEvent.class)).toList();
        assertThat(events).extracting(ToolEvent::logoUrl).containsExactly(logo, longest, null);
    }

    @Test
    void ofConcurrentUpdatesWithTheSameIfMatchExactlyOneWinsAndTheOthersAre412() throws Exception {
        String slug = newSlug("race");
        assertThat(http.post(TOOLS, toolBody(slug)).statusCode()).isEqualTo(201);
        List<CompletableFuture<HttpResponse<String>>> racing = IntStream.range(0, 6)
                .mapToObj(i -> http.putAsync(TOOLS + "/" + slug, "\"1\"",
                        toolBody(slug, Map.of("tagline", Http.quote("racer " + i)))))
                .toList();
        List<Integer> statuses = racing.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();

        assertThat(statuses).containsOnly(200, 412).filteredOn(s -> s == 200).hasSize(1);
        assertThat(jdbc.sql("select version from tool where slug = ?").param(slug).query(Long.class).single())
                .isEqualTo(2);
        assertThat(outboxRowsOf(slug)).isEqualTo(2);
    }

    @Test
    void aStaleIfMatchIs412AndAMissingOneIs428AndNeitherChangesAnything() throws Exception {
        String slug = newSlug("stale");
        http.post(TOOLS, toolBody(slug));
        http.put(TOOLS + "/" + slug, "\"1\"", toolBody(slug, Map.of("tagline", Http.quote("second"))));

        HttpResponse<String> stale = http.put(TOOLS + "/" + slug, "\"1\"",
                toolBody(slug, Map.of("tagline", Http.quote("lost update"))));
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(problemFields(stale)).containsExactly("If-Match");
        HttpResponse<String> missing = http.put(TOOLS + "/" + slug, null,
                toolBody(slug, Map.of("tagline", Http.quote("blind write"))));
        assertThat(missing.statusCode()).isEqualTo(428);
        assertThat(http.post(TOOLS + "/" + slug + "/publish", Http.EDITOR, "\"1\"",
                HttpRequest.BodyPublishers.noBody()).statusCode()).isEqualTo(412);
        assertThat(json(http.get(TOOLS + "/" + slug, Map.of("Authorization", "Bearer " + Http.EDITOR)))
                .get("tagline").asString()).isEqualTo("second");
        assertThat(outboxRowsOf(slug)).isEqualTo(2);
    }

    @Test
    void aRenamedToolRedirectsFromItsOldSlugAndTheOldSlugStaysReserved() throws Exception {
        String oldSlug = newSlug("old");
        String newSlug = newSlug("new");
        http.post(TOOLS, toolBody(oldSlug));
        http.post(TOOLS + "/" + oldSlug + "/publish", "");

        HttpResponse<String> renamed = http.put(TOOLS + "/" + oldSlug, "\"2\"", toolBody(newSlug));
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(json(renamed).get("slug").asString()).isEqualTo(newSlug);

        HttpResponse<String> atOldSlug = http.get(TOOLS + "/" + oldSlug);
        assertThat(atOldSlug.statusCode()).isEqualTo(308);
        assertThat(atOldSlug.headers().firstValue("Location")).hasValue(TOOLS + "/" + newSlug);
        HttpResponse<String> writeAtOldSlug = http.post(TOOLS + "/" + oldSlug + "/archive", "");
        assertThat(writeAtOldSlug.statusCode()).isEqualTo(308);
        assertThat(writeAtOldSlug.headers().firstValue("Location")).hasValue(TOOLS + "/" + newSlug + "/archive");
        assertThat(http.get(TOOLS + "/" + newSlug).statusCode()).isEqualTo(200);

        HttpResponse<String> takeOldSlug = http.post(TOOLS, toolBody(oldSlug));
        assertThat(takeOldSlug.statusCode()).isEqualTo(409);
        assertThat(problemFields(takeOldSlug)).containsExactly("slug");
        assertThat(http.put(TOOLS + "/" + newSlug, "\"3\"", toolBody(oldSlug)).statusCode())
                .as("a tool may take its own former slug back").isEqualTo(200);
        assertThat(http.get(TOOLS + "/" + newSlug).headers().firstValue("Location")).hasValue(TOOLS + "/" + oldSlug);
    }

    @Test
    void conditionalGetAnswers304AndDraftsAreForEditorsOnly() throws Exception {
        String slug = newSlug("etag");
        http.post(TOOLS, toolBody(slug));
        assertThat(http.get(TOOLS + "/" + slug).statusCode()).as("a draft is not public").isEqualTo(404);
        Map<String, String> editor = Map.of("Authorization", "Bearer " + Http.EDITOR);
        assertThat(http.get(TOOLS + "/" + slug, editor).statusCode()).isEqualTo(200);

        http.post(TOOLS + "/" + slug + "/publish", "");
        HttpResponse<String> read = http.get(TOOLS + "/" + slug);
        assertThat(read.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(read.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(http.get(TOOLS + "/" + slug, Map.of("If-None-Match", "\"2\"")).statusCode()).isEqualTo(304);
        assertThat(http.get(TOOLS + "/" + slug, Map.of("If-None-Match", "\"1\"")).statusCode()).isEqualTo(200);
    }

    @Test
    void writesNeedAnEditorOrAdminToken() throws Exception {
        String slug = newSlug("auth");
        HttpResponse<String> anonymous = http.post(TOOLS, null, toolBody(slug));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        HttpResponse<String> member = http.post(TOOLS, Http.MEMBER, toolBody(slug));
        assertThat(member.statusCode()).isEqualTo(403);
        assertThat(member.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(http.post(TOOLS, TestJwts.token("admin-1", "ADMIN"), toolBody(slug)).statusCode())
                .isEqualTo(201);
        assertThat(http.post(TOOLS + "/" + slug + "/publish", Http.MEMBER, "").statusCode()).isEqualTo(403);
        assertThat(http.post(TOOLS + "/" + slug + "/publish", null, "").statusCode()).isEqualTo(401);
        assertThat(outboxRowsOf(slug)).isEqualTo(1);
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                bad("missing slug", Map.of("slug", "null"), "slug"),
                bad("slug with spaces", Map.of("slug", "\"Bad Slug!\""), "slug"),
                bad("slug with double hyphen", Map.of("slug", "\"a--b\""), "slug"),
                bad("slug too long", Map.of("slug", Http.quote("a".repeat(65))), "slug"),
                bad("missing name", Map.of("name", "null"), "name"),
                bad("blank vendor", Map.of("vendor", "\"  \""), "vendor"),
                bad("category too long", Map.of("category", Http.quote("c".repeat(61))), "category"),
                bad("tagline over 140", Map.of("tagline", Http.quote("x".repeat(141))), "tagline"),
                bad("tagline with a line break", Map.of("tagline", "\"two\\nlines\""), "tagline"),
                bad("description too long", Map.of("description", Http.quote("d".repeat(4001))), "description"),
                bad("license with odd characters", Map.of("license", "\"<script>\""), "license"),
                bad("missing pricing", Map.of("pricing", "null"), "pricing"),
                bad("unknown pricing model", Map.of("pricing", "{\"model\": \"GRATIS\"}"), "pricing.model"),
                bad("pricing model as a number", Map.of("pricing", "{\"model\": 1}"), "pricing.model"),
                bad("negative amount", Map.of("pricing", "{\"model\": \"PAID\", \"amount\": -1, "
                        + "\"currency\": \"USD\", \"unit\": \"month\"}"), "pricing.amount"),
                bad("lowercase currency", Map.of("pricing", "{\"model\": \"PAID\", \"amount\": 5, "
                        + "\"currency\": \"usd\", \"unit\": \"month\"}"), "pricing.currency"),
                bad("unknown currency", Map.of("pricing", "{\"model\": \"PAID\", \"amount\": 5, "
                        + "\"currency\": \"XQZ\", \"unit\": \"month\"}"), "pricing.currency"),
                bad("paid without amount", Map.of("pricing", "{\"model\": \"PAID\", \"currency\": \"USD\", "
                        + "\"unit\": \"month\"}"), "pricing.amount"),
                bad("usage-based without unit", Map.of("pricing", "{\"model\": \"USAGE_BASED\", \"amount\": 1, "
                        + "\"currency\": \"USD\"}"), "pricing.unit"),
                bad("free with an amount", Map.of("pricing", "{\"model\": \"FREE\", \"amount\": 5}"),
                        "pricing.amount"),
                bad("negative parameter count", Map.of("facts", "{\"parametersBillions\": [-3]}"),
                        "facts.parametersBillions[0]"),
                bad("unknown modality", Map.of("facts", "{\"modalities\": [\"TEXT\", \"SMELL\"]}"),
                        "facts.modalities[1]"),
                bad("repeated modality", Map.of("facts", "{\"modalities\": [\"TEXT\", \"TEXT\"]}"),
                        "facts.modalities"),
                bad("zero context window", Map.of("facts", "{\"contextWindow\": 0}"), "facts.contextWindow"),
                bad("open weights not a boolean", Map.of("facts", "{\"openWeights\": \"maybe\"}"),
                        "facts.openWeights"),
                bad("impossible release date", Map.of("facts", "{\"releaseDate\": \"2026-13-01\"}"),
                        "facts.releaseDate"),
                bad("model version too long", Map.of("facts", "{\"modelVersion\": " + Http.quote("v".repeat(61))
                        + "}"), "facts.modelVersion"),
                bad("homepage not http", Map.of("links", "{\"homepage\": \"ftp://example.com\"}"),
                        "links.homepage"),
                bad("model card not a URL", Map.of("links", "{\"modelCard\": \"see the website\"}"),
                        "links.modelCard"),
                bad("logo over plain http", Map.of("logoUrl", "\"http://example.com/logo.svg\""), "logoUrl"),
                bad("logo as a relative path", Map.of("logoUrl", "\"/logo.svg\""), "logoUrl"),
                bad("logo as a script URL", Map.of("logoUrl", "\"javascript:alert(1)\""), "logoUrl"),
                bad("logo over 500 characters", Map.of("logoUrl",
                        Http.quote("https://example.com/" + "l".repeat(481))), "logoUrl"),
                bad("unknown top-level field", Map.of("tagLine", "\"typo\""), "tagLine"),
                bad("unknown nested field", Map.of("pricing", "{\"model\": \"FREE\", \"price\": 0}"),
                        "pricing.price"),
                bad("wrong type", Map.of("tagline", "{\"text\": 1}"), "tagline"),
                Arguments.of("malformed JSON", "{\"slug\": \"bad-input\", ", "body"),
                Arguments.of("trailing content", toolBody("bad-input") + " {}", "body"),
                Arguments.of("empty body", "", "body"));
    }

    private static Arguments bad(String why, Map<String, String> overrides, String field) {
        return Arguments.of(why, toolBody("bad-input", overrides), field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsAProblemNamingTheFieldAndChangesNothing(String why, String body, String field) throws Exception {
        long tools = count("tool");
        long outbox = count("outbox_event");

        HttpResponse<String> response = http.post(TOOLS, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("status").asInt()).isEqualTo(400);
        assertThat(problemFields(response)).contains(field);
        assertThat(count("tool")).isEqualTo(tools);
        assertThat(count("outbox_event")).isEqualTo(outbox);
    }

    @Test
    void oversizedBodiesAre413WhetherDeclaredOrChunked() throws Exception {
        long tools = count("tool");
        long outbox = count("outbox_event");
        String huge = toolBody(newSlug("huge"), Map.of("description", Http.quote("x".repeat(70_000))));

        HttpResponse<String> declared = http.post(TOOLS, huge);
        HttpResponse<String> chunked = http.post(TOOLS, Http.EDITOR, null, HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))));

        for (HttpResponse<String> response : List.of(declared, chunked)) {
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(problemFields(response)).containsExactly("body");
        }
        String small = toolBody(newSlug("chunked"));
        assertThat(http.post(TOOLS, Http.EDITOR, null, HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(small.getBytes(StandardCharsets.UTF_8)))).statusCode())
                .as("a small chunked body passes").isEqualTo(201);
        assertThat(count("tool")).isEqualTo(tools + 1);
        assertThat(count("outbox_event")).isEqualTo(outbox + 1);
    }

    @Test
    void aDuplicateSlugIsAConflictOnTheSlugAndChangesNothing() throws Exception {
        String slug = newSlug("dup");
        assertThat(http.post(TOOLS, toolBody(slug)).statusCode()).isEqualTo(201);
        long tools = count("tool");
        long outbox = count("outbox_event");

        HttpResponse<String> again = http.post(TOOLS, toolBody(slug, Map.of("name", "\"Other\"")));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(problemFields(again)).containsExactly("slug");
        assertThat(count("tool")).isEqualTo(tools);
        assertThat(count("outbox_event")).isEqualTo(outbox);
    }

    @Test
    void anUnknownSlugIsANotFoundProblem() throws Exception {
        HttpResponse<String> response = http.get(TOOLS + "/no-such-tool");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(http.post(TOOLS + "/no-such-tool/publish", "").statusCode()).isEqualTo(404);
    }

    private static String newSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private long outboxRowsOf(String slug) {
        return jdbc.sql("select count(*) from outbox_event where message_key = (select id::text from tool where slug = ?)")
                .param(slug).query(Long.class).single();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
