package dev.toolverdicts.outbox;

import dev.toolverdicts.events.EventType;

/** The event the outbox tests append: a key, a version that grows per key, and an optional subject. */
record TestEvent(String key, int version, String subject) {

    static final String CHANGED = "dev.toolverdicts.test.changed";

    /** Version {@code version} of aggregate {@code key}, with the key as subject. */
    static TestEvent of(String key, int version) {
        return new TestEvent(key, version, key);
    }

    /** Events of type {@code ceType} on {@code topic}, keyed by {@link #key()}. */
    static EventType<TestEvent> on(String topic, String ceType) {
        return new EventType<>(topic, ceType, TestEvent.class, TestEvent::key, TestEvent::subject);
    }

    static EventType<TestEvent> on(String topic) {
        return on(topic, CHANGED);
    }
}
