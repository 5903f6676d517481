package dev.toolverdicts.consumerbatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.events.CloudEventHeaders;
import dev.toolverdicts.events.EventCodec;
import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.events.Topics;
import dev.toolverdicts.events.vote.VoteTallyEvent;
import dev.toolverdicts.testsupport.TestKafka;
import dev.toolverdicts.testsupport.TopicReader;
import dev.toolverdicts.testsupport.WithKafka;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * A batched consumer gets a poll's records at once, and still applies each record exactly once, in its order, with a
 * record it cannot apply (or read) retried and parked on its {@code .DLT} alone.
 */
@SpringBootTest(properties = {"platform.consumers.group-prefix=${spring.application.name}",
        "spring.kafka.listener.observation-enabled=true"})
@WithKafka
class BatchedEventConsumerTest {

    private static final String GROUP = "consumer-test-service.tally-batch";
    private static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
            ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer());

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    MeterRegistry meters;

    @AfterAll
    static void closeProducer() {
        PRODUCER.close();
    }

    @Test
    void recordsProducedWhilePausedArriveAsOneBatchAndEachIsAppliedOnceInOrder() {
        UUID tool = UUID.randomUUID();
        whilePaused(() -> LongStream.rangeClosed(1, 20).forEach(version -> send(tool, tally(tool, version))));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> held(tool) == 20);
        assertThat(BatchConsumerTestApplication.APPLIED.get(tool)).containsExactlyElementsOf(versions(1, 20));
        assertThat(BatchConsumerTestApplication.BATCH_SIZES).anyMatch(size -> size > 1);
        assertThat(consumed("applied")).isGreaterThanOrEqualTo(20);
    }

    @Test
    void aPoisonRecordInTheMiddleOfABatchIsParkedAloneAndTheOthersAreAppliedOnce() {
        UUID tool = UUID.randomUUID();
        whilePaused(() -> {
            LongStream.rangeClosed(1, 3).forEach(version -> send(tool, tally(tool, version)));
            send(tool, tally(tool, -1));
            LongStream.rangeClosed(4, 6).forEach(version -> send(tool, tally(tool, version)));
        });

        ConsumerRecord<String, byte[]> parked = TopicReader.records(Topics.deadLetter(Topics.VOTE_TALLY),
                tool.toString(), 1).getFirst();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> held(tool) == 6);

        assertThat(EventCodec.decode(parked.value(), VoteTallyEvent.class).version()).isEqualTo(-1);
        assertThat(BatchConsumerTestApplication.APPLIED.get(tool)).containsExactlyElementsOf(versions(1, 6));
    }

    @Test
    void anUnreadableRecordInABatchIsParkedWithItsBytesAndTheOthersAreApplied() {
        UUID tool = UUID.randomUUID();
        byte[] unreadable = "{\"toolId\": \"not-a-uuid\", \"ship\": ".getBytes(StandardCharsets.UTF_8);
        whilePaused(() -> {
            send(tool, tally(tool, 1));
            sendRaw(tool, unreadable);
            send(tool, tally(tool, 2));
        });

        ConsumerRecord<String, byte[]> parked = TopicReader.records(Topics.deadLetter(Topics.VOTE_TALLY),
                tool.toString(), 1).getFirst();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> held(tool) == 2);

        assertThat(parked.value()).isEqualTo(unreadable);
        assertThat(BatchConsumerTestApplication.APPLIED.get(tool)).containsExactly(1L, 2L);
    }

    @Test
    void eachRecordOfABatchHasItsOwnListenerObservationAndTheBatchRunsInTheScopeOfItsNewestRecord() {
        UUID tool = UUID.randomUUID();
        whilePaused(() -> LongStream.rangeClosed(1, 8).forEach(version -> send(tool, tally(tool, version))));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> held(tool) == 8);
        // one observation per record (its context carries the record, whose traceparent header it continues)
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(observedVersions(tool))
                .containsExactlyElementsOf(versions(1, 8)));
        // the batch's own writes continue the trace of its newest record
        List<Map.Entry<List<Object>, Object>> scopes = BatchConsumerTestApplication.BATCH_SCOPES.stream()
                .filter(batch -> batch.getKey().stream().anyMatch(event -> ((VoteTallyEvent) event).toolId()
                        .equals(tool))).toList();
        assertThat(scopes).isNotEmpty()
                .allSatisfy(batch -> assertThat(batch.getValue()).isEqualTo(batch.getKey().getLast()));
    }

    private static List<Long> observedVersions(UUID tool) {
        return BatchConsumerTestApplication.OBSERVED.stream()
                .filter(record -> record.value() instanceof VoteTallyEvent event && event.toolId().equals(tool))
                .map(record -> ((VoteTallyEvent) record.value()).version())
                .toList();
    }

    private void whilePaused(Runnable produce) {
        MessageListenerContainer container = listeners.getListenerContainer(GROUP);
        container.pause();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(container::isContainerPaused);
            produce.run();
        } finally {
            container.resume();
        }
    }

    private static long held(UUID tool) {
        return BatchConsumerTestApplication.HELD.getOrDefault(tool, 0L);
    }

    private static List<Long> versions(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }

    private double consumed(String outcome) {
        return meters.get("events.consumed").tag("service", "consumer-test-service").tag("group", GROUP)
                .tag("topic", Topics.VOTE_TALLY).tag("outcome", outcome).counter().count();
    }

    private static void send(UUID key, VoteTallyEvent event) {
        sendRaw(key, EventCodec.encode(event));
    }

    private static void sendRaw(UUID key, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.VOTE_TALLY, key.toString(), value);
        record.headers().add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TYPE,
                EventTypes.VOTE_TALLY.name().getBytes(StandardCharsets.UTF_8));
        PRODUCER.send(record);
        PRODUCER.flush();
    }

    private static VoteTallyEvent tally(UUID tool, long version) {
        return new VoteTallyEvent(tool, version, "tool-" + tool, Math.max(version, 0), 0, 0, Instant.now());
    }
}
