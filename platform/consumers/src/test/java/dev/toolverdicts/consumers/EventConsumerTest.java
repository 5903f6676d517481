package dev.toolverdicts.consumers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.events.CloudEventHeaders;
import dev.toolverdicts.events.EventCodec;
import dev.toolverdicts.events.EventType;
import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.events.Topics;
import dev.toolverdicts.events.catalog.ToolEvent;
import dev.toolverdicts.events.catalog.ToolStatus;
import dev.toolverdicts.events.vote.VoteTallyEvent;
import dev.toolverdicts.testsupport.TestKafka;
import dev.toolverdicts.testsupport.TopicReader;
import dev.toolverdicts.testsupport.WithKafka;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
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
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;

/** A consumer declared as handlers gets its listener, group, dead-letter topics and meters from the platform. */
@SpringBootTest(properties = "platform.consumers.group-prefix=${spring.application.name}")
@WithKafka
class EventConsumerTest {

    private static final String GROUP = "consumer-test-service.tally-copy";
    private static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
            ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer());

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    RegisteredConsumers consumers;

    @Autowired
    KafkaAdmin kafkaAdmin;

    @Autowired
    MeterRegistry meters;

    @AfterAll
    static void closeProducer() {
        PRODUCER.close();
    }

    @Test
    void theConsumerGroupIsNamedServiceDotPurposeAndReadsTheHandlersTopics() {
        MessageListenerContainer container = listeners.getListenerContainer(GROUP);

        assertThat(container).isNotNull();
        assertThat(container.getGroupId()).isEqualTo(GROUP);
        assertThat(container.getContainerProperties().getTopics())
                .containsExactlyInAnyOrder(Topics.CATALOG_TOOL, Topics.VOTE_TALLY);
        assertThat(consumers.all()).singleElement().satisfies(consumer -> {
            assertThat(consumer.groupId()).isEqualTo(GROUP);
            assertThat(consumer.topics()).containsExactly(Topics.CATALOG_TOOL, Topics.VOTE_TALLY);
        });
    }

    @Test
    void everyConsumedTopicGetsItsDeadLetterTopicWithTheConfiguredPartitions() throws Exception {
        // 2 partitions (platform.consumers.dead-letter-partitions), not the 3 the broker would auto-create
        assertThat(kafkaAdmin.describeTopics("vote.tally.v1.DLT", "catalog.tool.v1.DLT").values())
                .extracting(description -> description.partitions().size()).containsExactly(2, 2);
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS))
                    .doesNotContain("review.verdict.v1.DLT", "catalog.matchup.v1.DLT");
        }
    }

    @Test
    void aRecordItCannotApplyIsRetriedThenParkedOnTheDeadLetterTopicAndTheNextOneIsApplied() {
        UUID poison = UUID.randomUUID();
        UUID healthy = UUID.randomUUID();
        send(EventTypes.CATALOG_TOOL, poison, tool(poison, "poison-" + poison));
        send(EventTypes.VOTE_TALLY, healthy, tally(healthy, 1));

        ConsumerRecord<String, byte[]> parked = TopicReader.records(Topics.deadLetter(Topics.CATALOG_TOOL),
                poison.toString(), 1).getFirst();

        assertThat(new String(parked.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC).value(),
                StandardCharsets.UTF_8)).isEqualTo(Topics.CATALOG_TOOL);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> ConsumerTestApplication.TALLY_VERSIONS.containsKey(healthy));
    }

    @Test
    void appliedAndStaleEventsAreCountedUnderOneMeterNameWithServiceGroupAndTopic() {
        double appliedBefore = consumed("applied");
        double staleBefore = consumed("stale");
        UUID tool = UUID.randomUUID();
        send(EventTypes.VOTE_TALLY, tool, tally(tool, 1));
        send(EventTypes.VOTE_TALLY, tool, tally(tool, 2));
        send(EventTypes.VOTE_TALLY, tool, tally(tool, 1));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(consumed("applied") - appliedBefore).isEqualTo(2);
            assertThat(consumed("stale") - staleBefore).isEqualTo(1);
        });
    }

    @Test
    void theLagMeterCountsRecordsProducedWhileTheConsumerIsPausedAndFallsBackToZeroAfterResume() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> lag(Topics.VOTE_TALLY) == 0);
        MessageListenerContainer container = listeners.getListenerContainer(GROUP);
        container.pause();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(container::isContainerPaused);
            UUID tool = UUID.randomUUID();
            for (int version = 1; version <= 5; version++) {
                send(EventTypes.VOTE_TALLY, tool, tally(tool, version));
            }

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> lag(Topics.VOTE_TALLY) == 5);
            assertThat(ConsumerTestApplication.TALLY_VERSIONS).doesNotContainKey(tool);
        } finally {
            container.resume();
        }

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> lag(Topics.VOTE_TALLY) == 0);
        assertThat(lag(Topics.CATALOG_TOOL)).isZero();
    }

    private double consumed(String outcome) {
        return meters.get("events.consumed").tag("service", "consumer-test-service").tag("group", GROUP)
                .tag("topic", Topics.VOTE_TALLY).tag("outcome", outcome).counter().count();
    }

    private double lag(String topic) {
        Gauge gauge = meters.get("events.consumer.lag").tag("service", "consumer-test-service").tag("group", GROUP)
                .tag("topic", topic).gauge();
        return gauge.value();
    }

    private static void send(EventType<?> type, UUID key, Object event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), key.toString(),
                EventCodec.encode(event));
        record.headers().add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, type.name().getBytes(StandardCharsets.UTF_8));
        PRODUCER.send(record);
        PRODUCER.flush();
    }

    private static VoteTallyEvent tally(UUID tool, long version) {
        return new VoteTallyEvent(tool, version, "tool-" + tool, version, 0, 0, Instant.now());
    }

    private static ToolEvent tool(UUID id, String slug) {
        return new ToolEvent(id, 1, slug, "Name", "Vendor", "Developer Tools", "A tagline", null, "Apache-2.0",
                ToolStatus.PUBLISHED, Instant.now());
    }
}
