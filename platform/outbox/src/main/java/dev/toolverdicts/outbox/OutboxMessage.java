package dev.toolverdicts.outbox;

import java.util.Objects;

import dev.toolverdicts.events.EventCodec;
import dev.toolverdicts.events.EventType;

/**
 * One event as an outbox row holds it: the Kafka topic and key (the aggregate id), the CloudEvents {@code ce_type}
 * and {@code ce_subject}, and the JSON body, kept byte for byte.
 */
record OutboxMessage(String topic, String key, String type, String subject, byte[] payload) {

    OutboxMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
    }

    static <T> OutboxMessage of(EventType<T> type, T event) {
        return new OutboxMessage(type.topic(), type.keyOf(event), type.name(), type.subjectOf(event),
                EventCodec.encode(event));
    }
}
