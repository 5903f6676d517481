package dev.toolverdicts.catalog.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.events.CloudEventHeaders;
import dev.toolverdicts.events.EventCodec;
import dev.toolverdicts.events.Topics;
import dev.toolverdicts.events.catalog.ToolEvent;
import dev.toolverdicts.events.catalog.ToolStatus;
import dev.toolverdicts.testsupport.TestKafka;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithKafka
class ToolApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCreatedToolIsReadableAndItsEventsArePublishedInOrder() throws Exception {
        String slug = "tool-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = post("/api/catalog/tools", validBody(slug));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/catalog/tools/" + slug);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");
        JsonNode tool = JSON.readTree(created.body());
        assertThat(tool.get("status").asString()).isEqualTo("DRAFT");
        UUID id = UUID.fromString(tool.get("id").asString());

        HttpResponse<String> read = get("/api/catalog/tools/" + slug, Map.of());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).get("name").asString()).isEqualTo("SmolVLM-3B");
        assertThat(get("/api/catalog/tools/" + slug, Map.of("If-None-Match", "\"1\"")).statusCode()).isEqualTo(304);

        HttpResponse<String> published = post("/api/catalog/tools/" + slug + "/publish", "");
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(published.body()).get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(post("/api/catalog/tools/" + slug + "/publish", "").headers().firstValue("ETag"))
                .as("publishing twice changes nothing").hasValue("\"2\"");

        List<ConsumerRecord<String, byte[]>> events = eventsFor(id, 2);
        assertThat(events).extracting(r -> EventCodec.decode(r.value(), ToolEvent.class))
                .extracting(ToolEvent::version, ToolEvent::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, ToolStatus.DRAFT),
                        org.assertj.core.groups.Tuple.tuple(2L, ToolStatus.PUBLISHED));
        ConsumerRecord<String, byte[]> first = events.getFirst();
        for (String header : List.of(CloudEventHeaders.ID, CloudEventHeaders.SOURCE, CloudEventHeaders.TYPE,
                CloudEventHeaders.TIME, CloudEventHeaders.SUBJECT, CloudEventHeaders.SPEC_VERSION)) {
            assertThat(first.headers().lastHeader(header)).as(header).isNotNull();
        }
        assertThat(header(first, CloudEventHeaders.TYPE)).isEqualTo("dev.toolverdicts.catalog.tool.v1");
        assertThat(header(first, CloudEventHeaders.SUBJECT)).isEqualTo(slug);
    }

    static Stream<Arguments> badInput() {
        String ok = validBody("bad-input");
        return Stream.of(
                Arguments.of("missing name", ok.replace("\"name\": \"SmolVLM-3B\",", ""), "name"),
                Arguments.of("blank vendor", ok.replace("\"Hugging Face\"", "\"  \""), "vendor"),
                Arguments.of("oversized tagline", ok.replace("\"3B vision-language model\"",
                        "\"" + "x".repeat(141) + "\""), "tagline"),
                Arguments.of("bad slug", ok.replace("\"bad-input\"", "\"Bad Slug!\""), "slug"),
                Arguments.of("slug with double hyphen", ok.replace("\"bad-input\"", "\"a--b\""), "slug"),
                Arguments.of("malformed JSON", "{\"slug\": \"bad-input\", ", "body"),
                Arguments.of("wrong type", ok.replace("\"3B vision-language model\"", "{\"text\": 1}"), "tagline"),
                Arguments.of("unknown field", ok.replace("{", "{\"tagLine\": \"typo\", "), "tagLine"),
                Arguments.of("empty body", "", "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsAProblemNamingTheFieldAndChangesNothing(String why, String body, String field) throws Exception {
        long tools = count("tool");
        long outbox = count("outbox_event");

        HttpResponse<String> response = post("/api/catalog/tools", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString())).contains(field);
        assertThat(count("tool")).isEqualTo(tools);
        assertThat(count("outbox_event")).isEqualTo(outbox);
    }

    @Test
    void aDuplicateSlugIsAConflictOnTheSlugAndChangesNothing() throws Exception {
        String slug = "dup-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(post("/api/catalog/tools", validBody(slug)).statusCode()).isEqualTo(201);
        long tools = count("tool");
        long outbox = count("outbox_event");

        HttpResponse<String> again = post("/api/catalog/tools", validBody(slug).replace("SmolVLM-3B", "Other"));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(again.body()).get("errors").get(0).get("field").asString()).isEqualTo("slug");
        assertThat(count("tool")).isEqualTo(tools);
        assertThat(count("outbox_event")).isEqualTo(outbox);
    }

    @Test
    void anUnknownSlugIsANotFoundProblem() throws Exception {
        HttpResponse<String> response = get("/api/catalog/tools/no-such-tool", Map.of());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(post("/api/catalog/tools/no-such-tool/publish", "").statusCode()).isEqualTo(404);
    }

    private static String validBody(String slug) {
        return """
                {"slug": "%s", "name": "SmolVLM-3B", "vendor": "Hugging Face",
                 "category": "Vision-Language Models", "tagline": "3B vision-language model",
                 "description": "Reads images and documents.", "license": "Apache-2.0"}""".formatted(slug);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<String, byte[]>> eventsFor(UUID toolId, int expected) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "tool-api-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.CATALOG_TOOL));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key().equals(toolId.toString())) {
                        found.add(r);
                    }
                });
                return found.size() >= expected;
            });
        }
        return found;
    }
}
