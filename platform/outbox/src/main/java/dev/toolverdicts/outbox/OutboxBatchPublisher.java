package dev.toolverdicts.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes one batch in one transaction: takes the relay lock, claims the oldest unpublished rows, sends them in
 * order, waits for Kafka's acknowledgements and marks only acknowledged rows published. Once a row of a key fails,
 * no later row of that key is marked, so a key never skips ahead; those rows are sent again (at least once).
 */
final class OutboxBatchPublisher {

    private static final Logger log = LoggerFactory.getLogger(OutboxBatchPublisher.class);

    /** What one drain did. */
    record Result(boolean lockHeld, int claimed, int published, boolean failed) {

        static final Result LOCKED_ELSEWHERE = new Result(false, 0, 0, false);
    }

    private final TransactionTemplate transactions;
    private final OutboxRepository repository;
    private final RelayProducer producer;
    private final CloudEventRecords records;
    private final OutboxMetrics metrics;
    private final Clock clock;
    private final int batchSize;

    OutboxBatchPublisher(TransactionTemplate transactions, OutboxRepository repository, RelayProducer producer,
            CloudEventRecords records, OutboxMetrics metrics, Clock clock, int batchSize) {
        this.transactions = transactions;
        this.repository = repository;
        this.producer = producer;
        this.records = records;
        this.metrics = metrics;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    Result publishBatch() {
        Result result = transactions.execute(status -> {
            if (!repository.tryRelayLock()) {
                return Result.LOCKED_ELSEWHERE;
            }
            List<OutboxRow> rows = repository.claimOldestUnpublished(batchSize);
            if (rows.isEmpty()) {
                return new Result(true, 0, 0, false);
            }
            List<Future<RecordMetadata>> sends = send(rows);
            producer.flush();
            return markAcknowledged(rows, sends);
        });
        if (result.failed()) {
            producer.reset();
        }
        return result;
    }

    private List<Future<RecordMetadata>> send(List<OutboxRow> rows) {
        List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            Future<RecordMetadata> send = producer.send(records.toRecord(row));
            sends.add(send);
            if (send.isDone() && failure(send) != null) {
                // the producer could not even buffer it (e.g. no metadata): the rest would wait just as long
                break;
            }
        }
        return sends;
    }

    private Result markAcknowledged(List<OutboxRow> rows, List<Future<RecordMetadata>> sends) {
        Set<String> failedKeys = new HashSet<>();
        List<Long> acknowledged = new ArrayList<>();
        List<OutboxRow> acknowledgedRows = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            OutboxRow row = rows.get(i);
            if (failedKeys.contains(row.key())) {
                continue;
            }
            Throwable failure = i < sends.size() ? failure(sends.get(i)) : null;
            if (i >= sends.size() || failure != null) {
                failedKeys.add(row.key());
                String error = failure == null ? "not sent: an earlier send of the batch failed" : describe(failure);
                repository.recordFailure(row.id(), error);
                metrics.failed();
                log.debug("Outbox row {} ({}) not acknowledged: {}", row.id(), row.eventId(), error);
                continue;
            }
            acknowledged.add(row.id());
            acknowledgedRows.add(row);
        }
        var now = clock.instant();
        repository.markPublished(acknowledged, now);
        acknowledgedRows.forEach(row -> metrics.published(row.createdAt(), now));
        if (!failedKeys.isEmpty()) {
            log.warn("Outbox relay: {} of {} rows published, {} keys wait for a retry", acknowledged.size(),
                    rows.size(), failedKeys.size());
        }
        return new Result(true, rows.size(), acknowledged.size(), !failedKeys.isEmpty());
    }

    private static Throwable failure(Future<RecordMetadata> send) {
        try {
            send.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private static String describe(Throwable failure) {
        return failure.getClass().getName() + ": " + failure.getMessage();
    }
}
