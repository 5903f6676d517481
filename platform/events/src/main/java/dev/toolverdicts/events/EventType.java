package dev.toolverdicts.events;

import java.util.Objects;
import java.util.function.Function;

/**
 * One kind of event in the contract: the topic it travels on, its CloudEvents {@code ce_type}, the record its JSON
 * body maps to, and how an event of it is addressed: its Kafka key (the aggregate id, which keeps one aggregate's
 * events in order on one partition) and its {@code ce_subject}. Bound once here, so no producer restates them.
 */
public final class EventType<T> {

    private final String topic;
    private final String name;
    private final Class<T> payload;
    private final Function<T, String> key;
    private final Function<T, String> subject;

    public EventType(String topic, String name, Class<T> payload, Function<T, String> key,
            Function<T, String> subject) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.name = Objects.requireNonNull(name, "name");
        this.payload = Objects.requireNonNull(payload, "payload");
        this.key = Objects.requireNonNull(key, "key");
        this.subject = Objects.requireNonNull(subject, "subject");
    }

    /** The Kafka topic events of this type are published on. */
    public String topic() {
        return topic;
    }

    /** The CloudEvents {@code ce_type} of this event type. */
    public String name() {
        return name;
    }

    /** The record the JSON body maps to. */
    public Class<T> payload() {
        return payload;
    }

    /** The Kafka record key of {@code event}: the id of the aggregate it is about. */
    public String keyOf(T event) {
        return Objects.requireNonNull(key.apply(event), () -> name + " event without a key");
    }

    /** The {@code ce_subject} of {@code event}, or null when this type has none. */
    public String subjectOf(T event) {
        return subject.apply(event);
    }

    @Override
    public String toString() {
        return name + " on " + topic;
    }
}
