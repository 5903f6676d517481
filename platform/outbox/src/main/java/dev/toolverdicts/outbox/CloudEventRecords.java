package dev.toolverdicts.outbox;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

import dev.toolverdicts.events.CloudEventHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Turns an outbox row into a Kafka record in CloudEvents binary mode: {@code ce_*} headers and the JSON body, plus
 * the {@code traceparent} captured at append time (CloudEvents' distributed tracing extension in Kafka binding).
 */
final class CloudEventRecords {

    /** The W3C Trace Context header, as Micrometer Tracing's Kafka propagation reads it on the consumer side. */
    static final String TRACEPARENT = "traceparent";

    private final byte[] source;

    CloudEventRecords(String applicationName) {
        this.source = utf8("/tool-verdicts/" + applicationName);
    }

    ProducerRecord<String, byte[]> toRecord(OutboxRow row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SPEC_VERSION, utf8(CloudEventHeaders.SPEC_VERSION_1_0));
        headers.add(CloudEventHeaders.ID, utf8(row.eventId().toString()));
        headers.add(CloudEventHeaders.SOURCE, source);
        headers.add(CloudEventHeaders.TYPE, utf8(row.type()));
        headers.add(CloudEventHeaders.TIME, utf8(DateTimeFormatter.ISO_INSTANT.format(row.createdAt())));
        if (row.subject() != null) {
            headers.add(CloudEventHeaders.SUBJECT, utf8(row.subject()));
        }
        headers.add(CloudEventHeaders.CONTENT_TYPE, utf8(CloudEventHeaders.JSON));
        if (row.traceparent() != null) {
            // W3C trace context of the append: the consumer's listener observation continues this trace
            headers.add(TRACEPARENT, utf8(row.traceparent()));
        }
        return new ProducerRecord<>(row.topic(), null, row.key(), row.payload(), headers);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
