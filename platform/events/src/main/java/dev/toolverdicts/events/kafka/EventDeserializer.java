package dev.toolverdicts.events.kafka;

import dev.toolverdicts.events.CloudEventHeaders;
import dev.toolverdicts.events.EventCodec;
import dev.toolverdicts.events.EventCodecException;
import dev.toolverdicts.events.EventType;
import dev.toolverdicts.events.EventTypes;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a CloudEvents binary-mode record into the contract's record for its {@code ce_type}. A record it cannot
 * read throws, so that an {@code ErrorHandlingDeserializer} in front of it can route it to the dead-letter topic.
 */
public class EventDeserializer implements Deserializer<Object> {

    @Override
    public Object deserialize(String topic, byte[] data) {
        throw new EventCodecException("an event needs its " + CloudEventHeaders.TYPE + " header");
    }

    @Override
    public Object deserialize(String topic, Headers headers, byte[] data) {
        Header typeHeader = headers.lastHeader(CloudEventHeaders.TYPE);
        if (typeHeader == null) {
            throw new EventCodecException("record on " + topic + " has no " + CloudEventHeaders.TYPE + " header");
        }
        String typeName = new String(typeHeader.value(), StandardCharsets.UTF_8);
        EventType<?> type = EventTypes.byName(typeName)
                .orElseThrow(() -> new EventCodecException("unknown event type " + typeName + " on " + topic));
        if (data == null) {
            throw new EventCodecException("event " + typeName + " on " + topic + " has no body");
        }
        return EventCodec.decode(data, type.payload());
    }
}
