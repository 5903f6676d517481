package dev.toolverdicts.events.kafka;

import dev.toolverdicts.events.EventCodec;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes an event record as its contract JSON; raw bytes pass through untouched, so the same producer can
 * re-publish a record it could not read (dead letters keep their original bytes).
 */
public class EventSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null || data instanceof byte[]) {
            return (byte[]) data;
        }
        return EventCodec.encode(data);
    }
}
