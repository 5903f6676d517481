package dev.toolverdicts.outbox;

import java.time.Instant;
import java.util.UUID;

/** One unpublished outbox row as the relay claims it; {@code traceparent} is null when appended without a trace. */
record OutboxRow(long id, UUID eventId, String topic, String key, String type, String subject, byte[] payload,
        Instant createdAt, String traceparent) {
}
