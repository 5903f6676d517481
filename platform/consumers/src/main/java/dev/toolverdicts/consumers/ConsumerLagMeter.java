package dev.toolverdicts.consumers;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * {@code events.consumer.lag{service, group, topic}}: for every consumer the platform registered, how many records of
 * each of its topics its group has not yet applied and committed (end offsets minus the group's committed offsets, or
 * minus the log start where it committed nothing yet), read from the broker every few seconds. Kafka's own client
 * metric ({@code records-lag}) measures the fetch position instead, which runs ahead of what was committed after the
 * database commit, and vanishes while a consumer is paused or down: exactly when lag matters.
 */
public final class ConsumerLagMeter implements SmartLifecycle {

    static final String METER = "events.consumer.lag";
    private static final Logger log = LoggerFactory.getLogger(ConsumerLagMeter.class);
    private static final long TIMEOUT_SECONDS = 5;

    private final KafkaAdmin kafkaAdmin;
    private final RegisteredConsumers consumers;
    private final Duration interval;
    private final Map<String, Map<String, AtomicLong>> lagByGroup = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;
    private Admin admin;

    ConsumerLagMeter(KafkaAdmin kafkaAdmin, RegisteredConsumers consumers, MeterRegistry registry, String service,
            Duration interval) {
        this.kafkaAdmin = kafkaAdmin;
        this.consumers = consumers;
        this.interval = interval;
        for (ConsumerDispatcher consumer : consumers.all()) {
            Map<String, AtomicLong> byTopic = lagByGroup.computeIfAbsent(consumer.groupId(),
                    g -> new ConcurrentHashMap<>());
            for (String topic : consumer.topics()) {
                AtomicLong value = byTopic.computeIfAbsent(topic, t -> new AtomicLong());
                Gauge.builder(METER, value, AtomicLong::get)
                        .description("Records of the topic the consumer group has not yet applied and committed")
                        .tag("service", service)
                        .tag("group", consumer.groupId())
                        .tag("topic", topic)
                        .register(registry);
            }
        }
    }

    /** Reads the lag of every registered group once. */
    public void refresh() {
        for (ConsumerDispatcher consumer : consumers.all()) {
            try {
                refresh(consumer.groupId(), consumer.topics());
            } catch (Exception e) {
                log.debug("Lag of {} not refreshed: {}", consumer.groupId(), e.toString());
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void refresh(String group, List<String> topics) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<String, List<TopicPartition>> partitions = new HashMap<>();
        for (var described : admin().describeTopics(topics).topicNameValues().entrySet()) {
            TopicDescription description;
            try {
                description = described.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException notThereYet) {
                continue;
            }
            for (var info : description.partitions()) {
                partitions.computeIfAbsent(described.getKey(), t -> new ArrayList<>())
                        .add(new TopicPartition(described.getKey(), info.partition()));
            }
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        partitions.values().forEach(list -> list.forEach(partition -> {
            latest.put(partition, OffsetSpec.latest());
            if (committed.get(partition) == null) {
                earliest.put(partition, OffsetSpec.earliest());
            }
        }));
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin().listOffsets(latest).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResultInfo> starts = earliest.isEmpty() ? Map.of()
                : admin().listOffsets(earliest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<String, AtomicLong> byTopic = lagByGroup.get(group);
        partitions.forEach((topic, list) -> byTopic.get(topic).set(list.stream().mapToLong(partition -> {
            OffsetAndMetadata done = committed.get(partition);
            long from = done != null ? done.offset() : starts.get(partition).offset();
            return Math.max(0, ends.get(partition).offset() - from);
        }).sum()));
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        }
        return admin;
    }

    @Override
    public synchronized void start() {
        if (scheduler == null && !lagByGroup.isEmpty()) {
            scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                    .name("consumer-lag").factory());
            scheduler.scheduleWithFixedDelay(this::refresh, Math.min(1000, interval.toMillis()), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
