package dev.toolverdicts.outbox;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The SQL of the outbox table: append, claim, mark, record failures, count and clean up. */
final class OutboxRepository {

    /** The advisory lock that makes one relay per database the active claimer ("outbox" in ASCII). */
    static final long RELAY_LOCK = 0x6f7574626f78L;

    private static final int MAX_ERROR_LENGTH = 2000;

    private final JdbcClient jdbc;
    private final String batchIdleTimeout;

    /** {@code batchIdleTimeout}: how long a drain transaction may sit idle before PostgreSQL ends its session. */
    OutboxRepository(JdbcClient jdbc, Duration batchIdleTimeout) {
        this.jdbc = jdbc;
        this.batchIdleTimeout = Math.max(1, batchIdleTimeout.toMillis()) + "ms";
    }

    void insert(UUID eventId, OutboxMessage message, Instant createdAt, String traceparent) {
        jdbc.sql("""
                INSERT INTO outbox_event (event_id, topic, message_key, event_type, subject, payload, created_at,
                                          traceparent)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(eventId, message.topic(), message.key(), message.type(), message.subject(),
                        message.payload(), Timestamp.from(createdAt), traceparent)
                .update();
    }

    /**
     * Takes the relay lock for the current transaction; false when another relay holds it. In the same statement it
     * limits how long the transaction may then sit idle: a relay that vanishes without closing its connection would
     * otherwise hold the lock until the server's TCP keepalive gives up on it (two hours by default on Linux).
     */
    boolean tryRelayLock() {
        return jdbc.sql("""
                SELECT set_config('idle_in_transaction_session_timeout', ?, true), pg_try_advisory_xact_lock(?)""")
                .params(batchIdleTimeout, RELAY_LOCK)
                .query((rs, n) -> rs.getBoolean(2)).single();
    }

    /** Locks the oldest unpublished rows for the current transaction, skipping rows someone else holds. */
    List<OutboxRow> claimOldestUnpublished(int limit) {
        return jdbc.sql("""
                SELECT id, event_id, topic, message_key, event_type, subject, payload, created_at, traceparent
                FROM outbox_event
                WHERE published_at IS NULL
                ORDER BY id
                LIMIT ?
                FOR UPDATE SKIP LOCKED""")
                .param(limit)
                .query((rs, n) -> new OutboxRow(rs.getLong("id"), rs.getObject("event_id", UUID.class),
                        rs.getString("topic"), rs.getString("message_key"), rs.getString("event_type"),
                        rs.getString("subject"), rs.getBytes("payload"), rs.getTimestamp("created_at").toInstant(),
                        rs.getString("traceparent")))
                .list();
    }

    void markPublished(List<Long> ids, Instant publishedAt) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE outbox_event SET published_at = ?, attempts = attempts + 1 WHERE id = ANY (?)")
                .params(Timestamp.from(publishedAt), ids.toArray(Long[]::new))
                .update();
    }

    void recordFailure(long id, String error) {
        String trimmed = error == null ? "unknown" : error.substring(0, Math.min(error.length(), MAX_ERROR_LENGTH));
        jdbc.sql("UPDATE outbox_event SET attempts = attempts + 1, last_error = ? WHERE id = ?")
                .params(trimmed, id)
                .update();
    }

    long countUnpublished() {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE published_at IS NULL").query(Long.class).single();
    }

    int deletePublishedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM outbox_event WHERE published_at < ?").param(Timestamp.from(cutoff)).update();
    }
}
