package dev.toolverdicts.comparison.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code projection.consumer.lag}: per source topic, how many records the projection's consumer group has not yet
 * committed (end offsets minus committed offsets), refreshed every few seconds from the broker.
 */
@Component
class ConsumerLagMeter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLagMeter.class);

    private final KafkaAdmin kafkaAdmin;
    private final String groupId;
    private final Map<String, AtomicLong> lag = new ConcurrentHashMap<>();
    private Admin admin;

    ConsumerLagMeter(KafkaAdmin kafkaAdmin, MeterRegistry registry,
            @Value("${spring.kafka.consumer.group-id}") String groupId) {
        this.kafkaAdmin = kafkaAdmin;
        this.groupId = groupId;
        for (String topic : SourceTopics.ALL) {
            AtomicLong value = lag.computeIfAbsent(topic, t -> new AtomicLong());
            Gauge.builder("projection.consumer.lag", value, AtomicLong::get)
                    .description("Records of the topic not yet applied and committed by the projection")
                    .tag("topic", topic)
                    .tag("group", groupId)
                    .register(registry);
        }
    }

    @Scheduled(fixedDelayString = "${comparison.consumer.lag-interval:5s}", initialDelayString = "1s")
    void refresh() {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<String, List<TopicPartition>> partitions = new HashMap<>();
            for (var described : admin().describeTopics(SourceTopics.ALL).topicNameValues().entrySet()) {
                TopicDescription description;
                try {
                    description = described.getValue().get(5, TimeUnit.SECONDS);
                } catch (ExecutionException notThereYet) {
                    continue;
                }
                for (var info : description.partitions()) {
                    TopicPartition partition = new TopicPartition(described.getKey(), info.partition());
                    latest.put(partition, OffsetSpec.latest());
                    partitions.computeIfAbsent(described.getKey(), t -> new ArrayList<>()).add(partition);
                }
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin().listOffsets(latest).all()
                    .get(5, TimeUnit.SECONDS);
            partitions.forEach((topic, list) -> lag.get(topic).set(list.stream().mapToLong(partition -> {
                OffsetAndMetadata done = committed.get(partition);
                return Math.max(0, ends.get(partition).offset() - (done == null ? 0 : done.offset()));
            }).sum()));
        } catch (Exception e) {
            log.debug("Consumer lag not refreshed: {}", e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close();
        }
    }
}
