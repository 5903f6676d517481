package dev.toolverdicts.outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.toolverdicts.events.EventType;

import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The {@link Outbox} on the service's own PostgreSQL database: one insert in the caller's transaction. */
final class JdbcOutbox implements Outbox {

    private final OutboxRepository repository;
    private final OutboxSignal signal;
    private final Clock clock;
    private final TraceparentSource traceparent;

    JdbcOutbox(OutboxRepository repository, OutboxSignal signal, Clock clock, TraceparentSource traceparent) {
        this.repository = repository;
        this.signal = signal;
        this.clock = clock;
        this.traceparent = traceparent;
    }

    @Override
    public <T> UUID append(EventType<T> type, T event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException(
                    "Outbox.append must run in the caller's transaction (Propagation.MANDATORY), none is active");
        }
        OutboxMessage message = OutboxMessage.of(type, event);
        UUID eventId = UUID.randomUUID();
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        repository.insert(eventId, message, createdAt, traceparent.current());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal.wakeUp();
                }
            });
        }
        return eventId;
    }
}
