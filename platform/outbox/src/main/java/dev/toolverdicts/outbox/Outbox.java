package dev.toolverdicts.outbox;

import dev.toolverdicts.events.EventType;
import java.util.UUID;

/**
 * Where a write service puts the events of a change, in the same PostgreSQL transaction as the change itself; the
 * {@link OutboxRelay} publishes them to Kafka afterwards, at least once and in order per key.
 * <p>
 * Append after writing the aggregate (whose row lock orders concurrent changes of one key), so that the outbox rows
 * of one key are numbered in commit order.
 */
public interface Outbox {

    /**
     * Appends one event to the outbox in the caller's transaction (Propagation.MANDATORY: fails without one), on the
     * type's topic, under the key and {@code ce_subject} the type derives from the event, with its JSON body as the
     * contract's codec writes it. Returns the generated ce_id.
     */
    <T> UUID append(EventType<T> type, T event);
}
