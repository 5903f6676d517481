package dev.toolverdicts.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.toolverdicts.events.CloudEventHeaders;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The trace of the code that appends an event continues in the consumers: the relay sends it as {@code traceparent}. */
@SpringBootTest(properties = {"management.tracing.sampling.probability=1.0",
        "management.otlp.metrics.export.enabled=false"})
@WithPostgres
@WithKafka
@DirtiesContext
class OutboxTracePropagationTest {

    private static final String TYPE = "dev.toolverdicts.test";

    @Autowired
    Outbox outbox;

    @Autowired
    Tracer tracer;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void traceparentCurrentAtAppendTimeArrivesAsTheRecordsHeader() {
        String topic = "traced-" + UUID.randomUUID();
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        Span request = tracer.nextSpan().name("POST /api/catalog/tools").start();
        UUID traced;
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            traced = transaction.execute(status -> outbox.append(TestEvent.on(topic, TYPE), event("tool-1")));
        } finally {
            request.end();
        }
        UUID untraced = transaction.execute(status -> outbox.append(TestEvent.on(topic, TYPE), event("tool-2")));

        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(bootstrapServers, topic,
                read -> read.size() >= 2, Duration.ofSeconds(30));

        assertThat(records).hasSize(2);
        ConsumerRecord<String, byte[]> first = byId(records, traced);
        assertThat(TopicReader.header(first, CloudEventRecords.TRACEPARENT))
                .isEqualTo("00-" + request.context().traceId() + "-" + request.context().spanId() + "-01");
        assertThat(TopicReader.header(byId(records, untraced), CloudEventRecords.TRACEPARENT))
                .as("appended outside any trace").isNull();
    }

    private static ConsumerRecord<String, byte[]> byId(List<ConsumerRecord<String, byte[]>> records, UUID id) {
        return records.stream()
                .filter(record -> id.toString().equals(TopicReader.header(record, CloudEventHeaders.ID)))
                .findFirst().orElseThrow();
    }

    private static TestEvent event(String key) {
        return new TestEvent(key, 1, null);
    }
}
