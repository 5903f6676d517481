package dev.toolverdicts.events.asyncapi;

import dev.toolverdicts.events.CloudEventHeaders;
import dev.toolverdicts.events.EventType;
import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.events.Topics;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The AsyncAPI 3.0 document of every topic, generated from the contract's own table ({@link EventTypes}) so that the
 * document cannot drift from what producers send: each topic's channel with its key and cleanup policy, each event's
 * message with its CloudEvents headers ({@code ce_type} fixed to the type) and its body's JSON schema read from the
 * record. A new event type without a {@link TopicPolicy} fails here, not in production.
 */
public final class AsyncApiDocument {

    public static final String VERSION = "3.0.0";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AsyncApiDocument() {
    }

    public static ObjectNode generate() {
        ObjectNode document = JSON.objectNode().put("asyncapi", VERSION);
        document.putObject("info").put("title", "Tool Verdicts events").put("version", "v1").put("description", """
                Every Kafka topic of Tool Verdicts, the platform's other public contract. Each event carries the \
                whole new state of its aggregate and a `version` that grows by one per change: apply an event \
                only when its version is newer than the one you hold, and redelivery, replay and compaction are \
                harmless. Bodies are JSON (CloudEvents 1.0 binary mode: attributes are `ce_*` headers); within \
                v1 fields are only ever added, so ignore the ones you do not know. A record that cannot be \
                applied goes to `<topic>.DLT`.""");
        document.put("defaultContentType", CloudEventHeaders.JSON);
        document.putObject("servers").putObject("kafka").put("host", "localhost:9092").put("protocol", "kafka")
                .put("description", "the dev stack's broker (KRaft); production brokers are named by deployment");
        ObjectNode channels = document.putObject("channels");
        ObjectNode operations = document.putObject("operations");
        ObjectNode components = document.putObject("components");
        ObjectNode messages = components.putObject("messages");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("CloudEventHeaders", cloudEventHeaders(null));
        for (EventType<?> type : EventTypes.all()) {
            TopicPolicy policy = TopicPolicy.of(type)
                    .orElseThrow(() -> new IllegalStateException("no topic policy for " + type));
            String message = type.payload().getSimpleName();
            schemas.set(message, PayloadSchemas.of(type.payload()));
            messages.set(message, message(type, policy, message));
            ObjectNode channel = channels.putObject(type.topic()).put("address", type.topic())
                    .put("description", policy.compacted()
                            ? "Compacted by key: the newest event of each key is kept for ever, so a new consumer "
                                    + "rebuilds the whole state from the start of the topic."
                            : "Not compacted (a key has several live aggregates): every event is kept for ever.");
            channel.putObject("messages").putObject(message).put("$ref", "#/components/messages/" + message);
            ObjectNode config = channel.putObject("bindings").putObject("kafka").put("bindingVersion", "0.5.0")
                    .put("topic", type.topic()).putObject("topicConfiguration");
            config.putArray("cleanup.policy").add(policy.cleanupPolicy());
            if (!policy.compacted()) {
                config.put("retention.ms", -1);
            }
            ObjectNode operation = operations.putObject("publish-" + type.topic()).put("action", "send")
                    .put("summary", "The owning service publishes " + type.name() + " through its outbox");
            operation.putObject("channel").put("$ref", "#/channels/" + type.topic());
            operation.putArray("messages").addObject()
                    .put("$ref", "#/channels/" + type.topic() + "/messages/" + message);
        }
        channels.putObject("dead-letters").put("address", "{topic}" + Topics.deadLetter(""))
                .put("description", "Records a consumer could not apply, unchanged with the failure in headers; "
                        + "kept for ever (delete policy) until replayed.")
                .putObject("parameters").putObject("topic").put("description", "the source topic");
        return document;
    }

    private static ObjectNode message(EventType<?> type, TopicPolicy policy, String message) {
        ObjectNode node = JSON.objectNode().put("name", type.name()).put("title", message)
                .put("contentType", CloudEventHeaders.JSON)
                .put("summary", "ce_type " + type.name() + " on " + type.topic() + ", keyed by " + policy.key());
        node.set("headers", cloudEventHeaders(type.name()));
        node.putObject("payload").put("$ref", "#/components/schemas/" + message);
        ObjectNode key = node.putObject("bindings").putObject("kafka").put("bindingVersion", "0.5.0")
                .putObject("key").put("type", "string").put("description", policy.key());
        if (policy.keyFormat() != null) {
            key.put("format", policy.keyFormat());
        }
        node.putObject("correlationId").put("description", "ce_id: unique per event; drop duplicates by it")
                .put("location", "$message.header#/ce_id");
        return node;
    }

    private static ObjectNode cloudEventHeaders(String ceType) {
        ObjectNode headers = JSON.objectNode().put("type", "object")
                .put("description", "CloudEvents 1.0 Kafka binding, binary mode");
        ObjectNode properties = headers.putObject("properties");
        properties.putObject(CloudEventHeaders.SPEC_VERSION).put("type", "string")
                .put("const", CloudEventHeaders.SPEC_VERSION_1_0);
        properties.putObject(CloudEventHeaders.ID).put("type", "string")
                .put("description", "unique per event");
        properties.putObject(CloudEventHeaders.SOURCE).put("type", "string").put("format", "uri-reference")
                .put("description", "the producing service");
        ObjectNode typeHeader = properties.putObject(CloudEventHeaders.TYPE).put("type", "string");
        if (ceType != null) {
            typeHeader.put("const", ceType);
        }
        properties.putObject(CloudEventHeaders.TIME).put("type", "string").put("format", "date-time");
        properties.putObject(CloudEventHeaders.SUBJECT).put("type", "string")
                .put("description", "the aggregate's slug or id");
        properties.putObject(CloudEventHeaders.CONTENT_TYPE).put("type", "string")
                .put("const", CloudEventHeaders.JSON);
        properties.putObject("traceparent").put("type", "string").put("description", "W3C trace context");
        headers.putArray("required").add(CloudEventHeaders.SPEC_VERSION).add(CloudEventHeaders.ID)
                .add(CloudEventHeaders.SOURCE).add(CloudEventHeaders.TYPE);
        return headers;
    }
}
