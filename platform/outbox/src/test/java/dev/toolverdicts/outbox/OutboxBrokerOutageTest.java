package dev.toolverdicts.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.toolverdicts.events.CloudEventHeaders;
import dev.toolverdicts.testsupport.RestartableKafkaBroker;
import dev.toolverdicts.testsupport.WithPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Kafka goes away while the service keeps writing, then comes back on the same address. */
@SpringBootTest(properties = {
        "spring.kafka.producer.properties.max.block.ms=1000",
        "spring.kafka.producer.properties.request.timeout.ms=1000",
        "spring.kafka.producer.properties.delivery.timeout.ms=2000",
        "spring.kafka.producer.properties.reconnect.backoff.max.ms=200"})
@WithPostgres
@DirtiesContext
class OutboxBrokerOutageTest {

    private static final RestartableKafkaBroker BROKER = RestartableKafkaBroker.startNew();
    private static final List<String> KEYS = List.of("tool-a", "tool-b", "tool-c");
    private static final int VERSIONS = 5;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    PlatformTransactionManager transactionManager;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BROKER::bootstrapServers);
    }

    @AfterAll
    static void removeBroker() {
        BROKER.close();
    }

    @Test
    void appendsWaitInTheOutboxWhileKafkaIsDownAndArePublishedInOrderWhenItReturns() {
        String topic = "outage-" + UUID.randomUUID();
        append(topic, "warm-up", 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> backlog() == 0);

        BROKER.stop();
        List<UUID> written = new ArrayList<>();
        for (int version = 1; version <= VERSIONS; version++) {
            for (String key : KEYS) {
                written.add(append(topic, key, version));
            }
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(backlog()).isEqualTo(written.size());
            assertThat(jdbc.queryForObject(
                    "SELECT max(attempts) FROM outbox_event WHERE published_at IS NULL AND last_error IS NOT NULL",
                    Integer.class)).isPositive();
            assertThat(meters.get("outbox.backlog").gauge().value()).isEqualTo(written.size());
            assertThat(meters.get("outbox.publish.failures").counter().count()).isPositive();
        });

        BROKER.start();

        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(BROKER.bootstrapServers(), topic,
                r -> r.stream().map(x -> TopicReader.header(x, CloudEventHeaders.ID)).distinct().count()
                        > written.size(), Duration.ofSeconds(40));
        assertThat(records.stream().map(r -> TopicReader.header(r, CloudEventHeaders.ID)).collect(Collectors.toSet()))
                .containsAll(written.stream().map(UUID::toString).toList());
        Map<String, List<Integer>> order = PerKeyOrder.firstOccurrences(records);
        List<Integer> allVersions = List.of(1, 2, 3, 4, 5);
        assertThat(order).containsAllEntriesOf(Map.of("tool-a", allVersions, "tool-b", allVersions,
                "tool-c", allVersions));
        await().atMost(Duration.ofSeconds(10)).until(() -> backlog() == 0);
        assertThat(meters.get("outbox.publish.latency").timer().count()).isGreaterThan(written.size());
    }

    private UUID append(String topic, String key, int version) {
        return new TransactionTemplate(transactionManager).execute(status -> outbox.append(
                TestEvent.on(topic), TestEvent.of(key, version)));
    }

    private long backlog() {
        return jdbc.queryForObject("SELECT count(*) FROM outbox_event WHERE published_at IS NULL", Long.class);
    }
}
