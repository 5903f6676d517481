package dev.toolverdicts.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.toolverdicts.events.CloudEventHeaders;
import dev.toolverdicts.events.EventCodec;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@WithPostgres
@WithKafka
@DirtiesContext
class OutboxPublishingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    OutboxBatchPublisher publisher;

    @Autowired
    RelayProducer relayProducer;

    @Autowired
    OutboxRepository repository;

    @Autowired
    OutboxMetrics metrics;

    @Autowired
    OutboxProperties properties;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void publishedRecordCarriesTheKeyTheBodyAndAllCloudEventsHeaders() {
        String topic = "headers-" + UUID.randomUUID();
        TestEvent event = new TestEvent("tool-42", 3, "tools/tool-42");
        UUID eventId = inTransaction(() -> outbox.append(TestEvent.on(topic, "dev.toolverdicts.tool.changed"), event));

        ConsumerRecord<String, byte[]> record = TopicReader.readUntil(bootstrapServers, topic, r -> !r.isEmpty(), TIMEOUT)
                .getFirst();

        Timestamp appendedAt = jdbc.queryForObject("SELECT created_at FROM outbox_event WHERE event_id = ?",
                Timestamp.class, eventId);
        assertThat(record.key()).isEqualTo("tool-42");
        assertThat(record.value()).isEqualTo(EventCodec.encode(event));
        assertThat(TopicReader.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(TopicReader.header(record, CloudEventHeaders.ID)).isEqualTo(eventId.toString());
        assertThat(TopicReader.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/tool-verdicts/outbox-test");
        assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo("dev.toolverdicts.tool.changed");
        assertThat(TopicReader.header(record, CloudEventHeaders.SUBJECT)).isEqualTo("tools/tool-42");
        assertThat(TopicReader.header(record, CloudEventHeaders.TIME))
                .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(appendedAt.toInstant()));
        assertThat(TopicReader.header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
    }

    @Test
    void appendOutsideATransactionFailsAndARolledBackAppendIsNeverPublished() {
        String topic = "rollback-" + UUID.randomUUID();
        assertThatThrownBy(() -> outbox.append(TestEvent.on(topic), TestEvent.of("tool-1", 1)))
                .isInstanceOf(IllegalTransactionStateException.class);

        UUID rolledBack = new TransactionTemplate(transactionManager).execute(status -> {
            UUID id = outbox.append(TestEvent.on(topic), TestEvent.of("tool-1", 1));
            status.setRollbackOnly();
            return id;
        });
        UUID committed = inTransaction(() -> outbox.append(TestEvent.on(topic), TestEvent.of("tool-1", 2)));

        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(bootstrapServers, topic,
                r -> ids(r).contains(committed.toString()), TIMEOUT);

        assertThat(ids(records)).containsExactly(committed.toString());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_event WHERE event_id IN (?, ?)", Long.class,
                rolledBack, committed)).isOne();
    }

    @Test
    void relayDyingBetweenSendAndMarkLosesNothingAndOnlyResendsWhatItHadSent() {
        String topic = "crash-" + UUID.randomUUID();
        List<UUID> beforeCrash = new ArrayList<>();
        List<String> sentByDeadRelay = new ArrayList<>();
        UUID afterCrash;
        relay.stop();
        try {
            for (int version = 1; version <= 4; version++) {
                for (String key : List.of("tool-a", "tool-b", "tool-c")) {
                    int v = version;
                    beforeCrash.add(inTransaction(() -> outbox.append(TestEvent.on(topic), TestEvent.of(key, v))));
                }
            }
            try (DyingRelayProducer deadRelaysProducer = new DyingRelayProducer(relayProducer.configuration())) {
                OutboxBatchPublisher dyingRelay = new OutboxBatchPublisher(new TransactionTemplate(transactionManager),
                        repository, deadRelaysProducer, new CloudEventRecords("outbox-test"), metrics,
                        Clock.systemUTC(), properties.batchSize());
                assertThatThrownBy(dyingRelay::publishBatch).isInstanceOf(RelayDied.class);
                sentByDeadRelay.addAll(deadRelaysProducer.acknowledgedIds());
            }
            assertThat(sentByDeadRelay).containsAll(beforeCrash.stream().map(UUID::toString).toList());
            assertThat(unpublished(beforeCrash)).isEqualTo(beforeCrash.size());
            afterCrash = inTransaction(() -> outbox.append(TestEvent.on(topic), TestEvent.of("tool-a", 5)));
        } finally {
            relay.start();
        }

        int expected = 2 * beforeCrash.size() + 1;
        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(bootstrapServers, topic,
                r -> r.size() >= expected, TIMEOUT);

        Map<String, Long> copies = records.stream().collect(Collectors.groupingBy(
                r -> TopicReader.header(r, CloudEventHeaders.ID), Collectors.counting()));
        Set<String> resent = Set.copyOf(sentByDeadRelay);
        assertThat(copies.keySet()).containsAll(beforeCrash.stream().map(UUID::toString).toList())
                .contains(afterCrash.toString());
        assertThat(copies).allSatisfy((id, count) -> assertThat(count).isEqualTo(resent.contains(id) ? 2L : 1L));
        assertThat(PerKeyOrder.firstOccurrences(records)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "tool-a", List.of(1, 2, 3, 4, 5), "tool-b", List.of(1, 2, 3, 4), "tool-c", List.of(1, 2, 3, 4)));
    }

    @Test
    void aSecondInstanceDoesNotClaimWhileAnotherHoldsTheRelayLock() throws Exception {
        String topic = "lock-" + UUID.randomUUID();
        relay.stop();
        try (Connection otherInstance = dataSource.getConnection()) {
            otherInstance.setAutoCommit(false);
            otherInstance.createStatement().execute("SELECT pg_advisory_xact_lock(" + OutboxRepository.RELAY_LOCK + ")");
            UUID waiting = inTransaction(() -> outbox.append(TestEvent.on(topic), TestEvent.of("tool-1", 1)));

            OutboxBatchPublisher.Result result = publisher.publishBatch();

            assertThat(result.lockHeld()).isFalse();
            assertThat(unpublished(List.of(waiting))).isOne();
            otherInstance.rollback();
        } finally {
            relay.start();
        }
        assertThat(TopicReader.readUntil(bootstrapServers, topic, r -> !r.isEmpty(), TIMEOUT)).hasSize(1);
    }

    private long unpublished(List<UUID> ids) {
        return jdbc.queryForObject("SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND event_id = ANY (?)",
                Long.class, (Object) ids.toArray(UUID[]::new));
    }

    private UUID inTransaction(Supplier<UUID> work) {
        return new TransactionTemplate(transactionManager).execute(status -> work.get());
    }

    private static List<String> ids(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> TopicReader.header(r, CloudEventHeaders.ID)).toList();
    }

    /** Stands for the relay process dying between Kafka's acknowledgement and the commit of the marks. */
    private static final class RelayDied extends RuntimeException {
    }

    /**
     * A relay producer whose process dies right after Kafka acknowledged everything it sent (the flush returns), so
     * the batch's transaction never marks a row: the moment between send and mark.
     */
    private static final class DyingRelayProducer extends RelayProducer {

        private final List<Future<RecordMetadata>> sends = new ArrayList<>();
        private final List<String> sentIds = new ArrayList<>();

        DyingRelayProducer(Map<String, Object> configuration) {
            super(configuration);
        }

        @Override
        Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
            Future<RecordMetadata> send = super.send(record);
            sends.add(send);
            sentIds.add(new String(record.headers().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8));
            return send;
        }

        @Override
        void flush() {
            super.flush();
            throw new RelayDied();
        }

        /** The ce_ids Kafka acknowledged before the process died. */
        List<String> acknowledgedIds() {
            List<String> acknowledged = new ArrayList<>();
            for (int i = 0; i < sends.size(); i++) {
                if (sends.get(i).isDone() && !failed(sends.get(i))) {
                    acknowledged.add(sentIds.get(i));
                }
            }
            return acknowledged;
        }

        private static boolean failed(Future<RecordMetadata> send) {
            try {
                send.get();
                return false;
            } catch (ExecutionException | InterruptedException e) {
                return true;
            }
        }
    }
}
