package dev.toolverdicts.consumers;

import io.micrometer.observation.Observation;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * The listener of a {@linkplain EventConsumer#batched batched} consumer: hands a poll's events to its
 * {@link BatchHandler} in one call. The offsets are committed after it returns. If the batch fails, the events are
 * applied one at a time through their handlers up to the first that fails, which is reported by record
 * ({@link BatchListenerFailedException}): the error handler commits the ones before it, retries and dead-letters it
 * alone, and hands the ones after it to the next call. So a bad record neither fails nor replays the good ones.
 * Each record gets its own listener observation ({@link RecordObservations}), as with a record listener.
 */
final class BatchDispatcher implements BatchMessageListener<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(BatchDispatcher.class);

    private final ConsumerDispatcher dispatcher;
    private final BatchHandler batch;
    private final RecordObservations observations;

    BatchDispatcher(ConsumerDispatcher dispatcher, RecordObservations observations) {
        this.dispatcher = dispatcher;
        this.batch = dispatcher.consumer().batch();
        this.observations = observations;
    }

    @Override
    public void onMessage(List<ConsumerRecord<Object, Object>> records) {
        // a record without an event (unreadable) or of a type no handler takes ends the batch: it fails alone
        int end = 0;
        while (end < records.size() && dispatcher.handles(records.get(end).value())) {
            end++;
        }
        List<ConsumerRecord<Object, Object>> applicable = records.subList(0, end);
        if (!applicable.isEmpty()) {
            applyAll(applicable);
        }
        if (end < records.size()) {
            ConsumerRecord<Object, Object> unhandled = records.get(end);
            try {
                dispatcher.apply(unhandled.value());
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException(failure(unhandled, e), e, unhandled);
            }
        }
    }

    private void applyAll(List<ConsumerRecord<Object, Object>> records) {
        List<Object> events = new ArrayList<>(records.size());
        records.forEach(record -> events.add(record.value()));
        List<Observation> traced = observations.start(records);
        List<Boolean> outcomes;
        try {
            // the batch's own writes (an outbox row, say) continue the trace of its newest record, the one that wins
            outcomes = RecordObservations.inScopeOf(traced, records.size() - 1, () -> batch.applyAll(events));
        } catch (RuntimeException batchFailed) {
            RecordObservations.stop(traced, batchFailed);
            log.debug("{}: a batch of {} failed ({}); applying its records one at a time", dispatcher.groupId(),
                    records.size(), batchFailed.toString());
            applyOneAtATime(records);
            return;
        }
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<Object, Object> record = records.get(i);
            boolean applied = outcomes.get(i);
            dispatcher.count(record.value(), applied);
            RecordObservations.inScopeOf(traced, i, () -> log.debug("{} {} {}-{}@{} (batch)", dispatcher.groupId(),
                    applied ? "applied" : "stale", record.topic(), record.partition(), record.offset()));
        }
        RecordObservations.stop(traced, null);
    }

    /** After a failed batch: each record in its own observation, up to the first that fails. */
    private void applyOneAtATime(List<ConsumerRecord<Object, Object>> records) {
        for (ConsumerRecord<Object, Object> record : records) {
            List<Observation> traced = observations.start(List.of(record));
            try {
                RecordObservations.inScopeOf(traced, 0, () -> dispatcher.onMessage(record));
                RecordObservations.stop(traced, null);
            } catch (RuntimeException e) {
                RecordObservations.stop(traced, e);
                throw new BatchListenerFailedException(failure(record, e), e, record);
            }
        }
    }

    /** The dead letter's exception message: which record, and why (the handler's own exception). */
    private String failure(ConsumerRecord<Object, Object> record, RuntimeException cause) {
        return dispatcher.groupId() + " could not apply " + record.topic() + "-" + record.partition() + "@"
                + record.offset() + ": " + cause;
    }
}
