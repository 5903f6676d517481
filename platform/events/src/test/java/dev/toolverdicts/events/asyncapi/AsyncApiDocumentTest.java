package dev.toolverdicts.events.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.toolverdicts.events.EventType;
import dev.toolverdicts.events.EventTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The AsyncAPI document is valid AsyncAPI 3.0.0 (the specification's own JSON Schema) and describes the contract as
 * it is: every pinned event fixture validates against its message's schema (networknt's JSON Schema validator), every
 * event type has its channel, headers and key, and each topic's cleanup policy is the one the topic declarations give
 * it.
 */
class AsyncApiDocumentTest {

    private static final Path FIXTURES = Path.of("src/test/resources/contract");
    private static final Path TOPIC_DECLARATIONS = Path.of("../../deploy/k8s/base/kafka/topics.yaml");

    private final JsonMapper json = JsonMapper.builder().build();
    private final ObjectNode document = AsyncApiDocument.generate();

    @Test
    void everyEventFixtureValidatesAgainstItsSchemaInTheDocument() throws IOException {
        List<Path> fixtures;
        try (Stream<Path> files = Files.list(FIXTURES)) {
            fixtures = files.filter(path -> path.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(fixtures).hasSizeGreaterThanOrEqualTo(EventTypes.all().size());
        for (Path fixture : fixtures) {
            String topic = topicOf(fixture);
            List<Error> errors = strictSchemaOf(topic).validate(json.readTree(fixture.toFile()));
            assertThat(errors).as(fixture + " against " + topic).isEmpty();
        }
    }

    @Test
    void theDocumentIsValidAsyncApi300() throws IOException {
        assertThat(asyncApiSchema().validate(document)).isEmpty();

        ObjectNode broken = document.deepCopy();
        ((ObjectNode) broken.at("/operations/publish-catalog.tool.v1")).put("action", "publish");
        assertThat(asyncApiSchema().validate(broken)).as("the meta-schema refuses a 2.x-style operation").isNotEmpty();
    }

    /** The AsyncAPI 3.0.0 JSON Schema (draft-07), from {@code @asyncapi/specs}: see resources/asyncapi/README.md. */
    private Schema asyncApiSchema() throws IOException {
        JsonNode schema = json.readTree(Path.of("src/test/resources/asyncapi/asyncapi-3.0.0.schema.json").toFile());
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema);
    }

    @Test
    void aBodyThatBreaksTheContractDoesNotValidate() throws IOException {
        ObjectNode tool = (ObjectNode) json.readTree(FIXTURES.resolve("catalog.tool.v1.json").toFile());
        tool.put("status", "SOMETIMES");
        tool.put("version", "three");
        tool.put("popularity", 1);

        assertThat(strictSchemaOf("catalog.tool.v1").validate(tool)).extracting(Error::getMessage)
                .anyMatch(message -> message.contains("ARCHIVED"))
                .anyMatch(message -> message.contains("integer expected"))
                .anyMatch(message -> message.contains("popularity"));
        tool.remove("version");
        assertThat(strictSchemaOf("catalog.tool.v1").validate(tool)).extracting(Error::getMessage)
                .anyMatch(message -> message.contains("version"));
    }

    @Test
    void everyEventTypeHasItsChannelMessageHeadersAndKey() {
        assertThat(document.get("asyncapi").asString()).isEqualTo("3.0.0");
        for (EventType<?> type : EventTypes.all()) {
            JsonNode channel = document.get("channels").get(type.topic());
            assertThat(channel.get("address").asString()).isEqualTo(type.topic());
            String message = type.payload().getSimpleName();
            JsonNode definition = document.at("/components/messages/" + message);
            assertThat(definition.get("name").asString()).isEqualTo(type.name());
            assertThat(definition.at("/headers/properties/ce_type/const").asString()).isEqualTo(type.name());
            assertThat(definition.at("/headers/required").toString()).contains("ce_id", "ce_type", "ce_source");
            assertThat(definition.at("/bindings/kafka/key/description").asString()).isNotBlank();
            assertThat(document.at("/components/schemas/" + message + "/properties").size())
                    .isEqualTo(type.payload().getRecordComponents().length);
            assertThat(document.get("operations").get("publish-" + type.topic()).get("action").asString())
                    .isEqualTo("send");
        }
    }

    @Test
    void eachTopicsCleanupPolicyIsTheOneItIsDeclaredWith() throws IOException {
        Map<String, String> declared = declaredCleanupPolicies();
        for (EventType<?> type : EventTypes.all()) {
            assertThat(document.at("/channels/" + type.topic() + "/bindings/kafka/topicConfiguration/cleanup.policy/0")
                    .asString())
                    .as(type.topic()).isEqualTo(declared.get(type.topic()));
        }
    }

    /** The message's payload schema, closed to fields it does not list, so a fixture cannot carry an unknown one. */
    private Schema strictSchemaOf(String topic) {
        JsonNode messageRef = document.at("/channels/" + topic + "/messages").iterator().next();
        String message = messageRef.get("$ref").asString().substring("#/components/messages/".length());
        String schemaRef = document.at("/components/messages/" + message + "/payload/$ref").asString();
        ObjectNode schema = (ObjectNode) document.at(schemaRef.substring(1)).deepCopy();
        closed(schema);
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema);
    }

    private static void closed(JsonNode schema) {
        if (schema instanceof ObjectNode object && object.has("properties")) {
            object.put("additionalProperties", false);
            object.get("properties").forEach(AsyncApiDocumentTest::closed);
        }
        if (schema.has("items")) {
            closed(schema.get("items"));
        }
    }

    /** {@code catalog.tool.v1.full.json} is an event of {@code catalog.tool.v1}. */
    private static String topicOf(Path fixture) {
        String name = fixture.getFileName().toString();
        return EventTypes.all().stream().map(EventType::topic).filter(topic -> name.startsWith(topic + "."))
                .findFirst().orElseThrow(() -> new AssertionError("no topic for fixture " + name));
    }

    private static Map<String, String> declaredCleanupPolicies() throws IOException {
        Map<String, String> policies = new HashMap<>();
        String topic = null;
        for (String line : Files.readAllLines(TOPIC_DECLARATIONS)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("topicName:")) {
                topic = trimmed.substring("topicName:".length()).trim();
            } else if (trimmed.startsWith("cleanup.policy:") && topic != null) {
                policies.put(topic, trimmed.substring("cleanup.policy:".length()).trim());
            }
        }
        return policies;
    }
}
