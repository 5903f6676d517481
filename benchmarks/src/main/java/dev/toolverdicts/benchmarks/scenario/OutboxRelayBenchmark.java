package dev.toolverdicts.benchmarks.scenario;

import dev.toolverdicts.benchmarks.kafka.ProducerPerformanceRun;
import dev.toolverdicts.benchmarks.report.Figure;
import dev.toolverdicts.benchmarks.stack.StackPorts;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * 5. The outbox relay's publishing rate, isolated from the HTTP write path: N copies of vote-service's newest
 * published tally event (same key and version, so every consumer drops them as duplicates, as it must for an
 * at-least-once relay) are committed to its outbox at once; the time until the backlog is 0 gives events/s, checked
 * against the topic's end offsets. Compared with Kafka's ProducerPerformance, same record size and producer settings.
 */
public final class OutboxRelayBenchmark implements Benchmark {

    private static final String BACKLOG = "select count(*) from outbox_event where published_at is null";

    @Override
    public String id() {
        return "5";
    }

    @Override
    public String title() {
        return "outbox relay";
    }

    @Override
    public void run(SuiteContext context) throws Exception {
        int copies = context.options().quick() ? 5_000 : 20_000;
        try (Connection db = DriverManager.getConnection(StackPorts.jdbcUrl("vote"), "postgres", "")) {
            awaitBacklog(db, Duration.ofSeconds(60));
            String topic;
            int payloadBytes;
            try (PreparedStatement newest = db.prepareStatement("select topic, length(payload) from outbox_event "
                    + "where published_at is not null order by id desc limit 1");
                 ResultSet row = newest.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("vote-service has published no event yet: run benchmark 2 first");
                }
                topic = row.getString(1);
                payloadBytes = row.getInt(2);
            }
            long offsetsBefore = endOffsets(topic);
            try (PreparedStatement copy = db.prepareStatement("""
                    insert into outbox_event (event_id, topic, message_key, event_type, subject, payload, created_at)
                    select gen_random_uuid(), e.topic, e.message_key, e.event_type, e.subject, e.payload, now()
                      from (select * from outbox_event where published_at is not null order by id desc limit 1) e,
                           generate_series(1, ?)""")) {
                copy.setInt(1, copies);
                copy.executeUpdate();
            }
            long started = System.nanoTime();
            awaitBacklog(db, Duration.ofMinutes(5));
            double seconds = (System.nanoTime() - started) / 1e9;
            long published = endOffsets(topic) - offsetsBefore;
            double relayRate = copies / seconds;
            ProducerPerformanceRun.Result kafka = ProducerPerformanceRun.run("bench.producer-perf", copies, payloadBytes);
            System.out.printf("  relay: %d events of %d B in %.2f s (%.0f/s), %d on the topic; ProducerPerformance: "
                    + "%.0f/s%n", copies, payloadBytes, seconds, relayRate, published, kafka.recordsPerSecond());
            context.report().detail("5-relay", Map.of("copies", copies, "payloadBytes", payloadBytes, "topic", topic,
                    "seconds", seconds, "endOffsetGrowth", published, "producerPerformance", kafka));
            context.report().add(new Figure("5", "outbox relay vs ProducerPerformance", "vote-service outbox relay",
                    relayRate, "ProducerPerformance acks=all idempotent", kafka.recordsPerSecond(), "events/s", true,
                    null, null, "≥ 1.0×", relayRate / kafka.recordsPerSecond() >= 1.0 && published >= copies,
                    String.format("%d × %d B events committed at once, backlog 0 after %.2f s (includes up to one "
                            + "200 ms poll: direct inserts do not wake the relay); topic grew by %d; linger.ms=0 "
                            + "on both", copies, payloadBytes, seconds, published)));
        }
    }

    private static void awaitBacklog(Connection db, Duration timeout) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (PreparedStatement count = db.prepareStatement(BACKLOG); ResultSet row = count.executeQuery()) {
                row.next();
                if (row.getLong(1) == 0) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the outbox backlog did not reach 0 within " + timeout);
            }
            Thread.sleep(20);
        }
    }

    private static long endOffsets(String topic) {
        Properties config = new Properties();
        config.put("bootstrap.servers", StackPorts.KAFKA);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo partition : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, partition.partition()));
            }
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
