package dev.toolverdicts.comparison.deadletter;

import dev.toolverdicts.comparison.ingest.Projections;
import dev.toolverdicts.events.CloudEventHeaders;
import dev.toolverdicts.events.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/** Reads the projection's dead-letter topics with short-lived consumers of no group: nothing is committed or moved. */
@Component
class DeadLetters {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final KafkaProperties kafka;
    private final Projections projections;

    DeadLetters(KafkaProperties kafka, Projections projections) {
        this.kafka = kafka;
        this.projections = projections;
    }

    /** The {@code .DLT} topics of the read model's source topics. */
    List<String> topics() {
        return projections.topics().stream().map(Topics::deadLetter).toList();
    }

    /** Every record on the dead-letter topics, oldest first per partition. */
    List<DeadLetter> list() {
        List<DeadLetter> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics()) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(POLL).forEach(record -> found.add(describe(record)));
            }
        }
        return found;
    }

    /** The record at this place of a dead-letter topic, if there is one. */
    Optional<ConsumerRecord<String, byte[]>> read(String topic, int partition, long offset) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            TopicPartition place = new TopicPartition(topic, partition);
            if (consumer.partitionsFor(topic).stream().noneMatch(p -> p.partition() == partition)) {
                return Optional.empty();
            }
            consumer.assign(List.of(place));
            if (offset >= consumer.endOffsets(List.of(place)).get(place)) {
                return Optional.empty();
            }
            consumer.seek(place, offset);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() == offset) {
                        return Optional.of(record);
                    }
                    if (record.offset() > offset) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        }
    }

    static DeadLetter describe(ConsumerRecord<String, byte[]> record) {
        return new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(),
                text(record, CloudEventHeaders.TYPE), text(record, CloudEventHeaders.ID),
                text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION).map(ByteBuffer::getInt).orElse(null),
                number(record, KafkaHeaders.DLT_ORIGINAL_OFFSET).map(ByteBuffer::getLong).orElse(null),
                text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE), Instant.ofEpochMilli(record.timestamp()));
    }

    private static String text(ConsumerRecord<String, byte[]> record, String header) {
        Header found = record.headers().lastHeader(header);
        return found == null ? null : new String(found.value(), StandardCharsets.UTF_8);
    }

    private static Optional<ByteBuffer> number(ConsumerRecord<String, byte[]> record, String header) {
        return Optional.ofNullable(record.headers().lastHeader(header)).map(h -> ByteBuffer.wrap(h.value()));
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "comparison-dead-letters");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
