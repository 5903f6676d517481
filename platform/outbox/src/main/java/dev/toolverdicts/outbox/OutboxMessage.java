package dev.toolverdicts.outbox;

import java.util.Objects;

/**
 * One event to publish: the Kafka topic and key (the aggregate id), the CloudEvents {@code ce_type} and
 * {@code ce_subject}, and the JSON body, kept byte for byte.
 */
public record OutboxMessage(String topic, String key, String type, String subject, byte[] payload) {

    public OutboxMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
    }
}
