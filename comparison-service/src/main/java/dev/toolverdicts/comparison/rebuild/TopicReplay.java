package dev.toolverdicts.comparison.rebuild;

import dev.toolverdicts.comparison.ingest.Coalesced;
import dev.toolverdicts.comparison.ingest.Projections;
import dev.toolverdicts.comparison.store.ViewSchema;
import dev.toolverdicts.events.EventCodecException;
import dev.toolverdicts.events.kafka.EventDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replays the source topics from their beginning into one generation, up to the end offsets they had when the
 * replay started, one transaction per poll, superseded versions left out. Records beyond those ends may be applied
 * too: that is harmless, they land there through the live listeners anyway.
 */
final class TopicReplay {

    private static final Logger log = LoggerFactory.getLogger(TopicReplay.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Consumer<String, byte[]> consumer;
    private final Projections projections;
    private final TransactionTemplate tx;
    private final ViewSchema schema;
    private final EventDeserializer deserializer = new EventDeserializer();
    private final Map<TopicPartition, Long> beginnings;
    private final Map<TopicPartition, Long> ends;
    private final Map<TopicPartition, AtomicLong> positions = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> unreadable = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> failed = new ConcurrentHashMap<>();

    TopicReplay(Consumer<String, byte[]> consumer, Collection<String> topics, Projections projections,
            TransactionTemplate tx, ViewSchema schema) {
        this.consumer = consumer;
        this.projections = projections;
        this.tx = tx;
        this.schema = schema;
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            unreadable.put(topic, new AtomicLong());
            failed.put(topic, new AtomicLong());
        }
        consumer.assign(partitions);
        this.beginnings = consumer.beginningOffsets(partitions);
        this.ends = consumer.endOffsets(partitions);
        consumer.seekToBeginning(partitions);
        partitions.forEach(partition -> positions.put(partition, new AtomicLong(beginnings.get(partition))));
    }

    /** Replays until every partition reached its end offset, or until {@code stop} says so. */
    void run(Supplier<Boolean> stop) {
        while (!done() && !stop.get()) {
            ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
            List<Decoded> batch = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                try {
                    batch.add(new Decoded(record.topic(),
                            deserializer.deserialize(record.topic(), record.headers(), record.value())));
                } catch (EventCodecException e) {
                    unreadable.get(record.topic()).incrementAndGet();
                }
            }
            applyAll(batch);
            for (TopicPartition partition : records.partitions()) {
                positions.get(partition).set(consumer.position(partition));
            }
            for (TopicPartition partition : consumer.assignment()) {
                positions.get(partition).set(Math.max(positions.get(partition).get(), consumer.position(partition)));
            }
        }
    }

    List<RebuildProgress.TopicProgress> progress() {
        Map<String, long[]> byTopic = new HashMap<>();
        ends.forEach((partition, end) -> {
            long begin = beginnings.get(partition);
            long at = Math.min(positions.get(partition).get(), end);
            long[] sums = byTopic.computeIfAbsent(partition.topic(), t -> new long[2]);
            sums[0] += Math.max(0, at - begin);
            sums[1] += Math.max(0, end - begin);
        });
        return unreadable.keySet().stream().sorted().map(topic -> {
            long[] sums = byTopic.getOrDefault(topic, new long[2]);
            return new RebuildProgress.TopicProgress(topic, sums[0], sums[1], unreadable.get(topic).get(),
                    failed.get(topic).get());
        }).toList();
    }

    private boolean done() {
        return ends.entrySet().stream().allMatch(end -> positions.get(end.getKey()).get() >= end.getValue());
    }

    /**
     * Applies a poll's events in one transaction, of each version-guarded key only the newest (the others could not
     * change the generation); if that fails, one transaction per event, so one bad event fails alone.
     */
    private void applyAll(List<Decoded> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Coalesced coalesced = projections.coalesce(batch.stream().map(Decoded::event).toList());
        try {
            tx.executeWithoutResult(status -> coalesced.events().forEach(event -> projections.apply(schema, event)));
        } catch (RuntimeException batchFailed) {
            for (Object event : coalesced.events()) {
                String topic = projections.topic(event);
                try {
                    tx.executeWithoutResult(status -> projections.apply(schema, event));
                } catch (RuntimeException e) {
                    log.warn("Rebuild could not apply a {} event: {}", topic, e.toString());
                    failed.get(topic).incrementAndGet();
                }
            }
        }
    }

    private record Decoded(String topic, Object event) {
    }
}
