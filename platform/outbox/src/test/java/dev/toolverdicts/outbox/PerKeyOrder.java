package dev.toolverdicts.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What a version-applying consumer sees: per key, the versions in the order they first arrived. */
final class PerKeyOrder {

    private PerKeyOrder() {
    }

    static Map<String, List<Integer>> firstOccurrences(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, Set<Integer>> seen = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            seen.computeIfAbsent(record.key(), key -> new LinkedHashSet<>()).add(TopicReader.version(record));
        }
        Map<String, List<Integer>> result = new LinkedHashMap<>();
        seen.forEach((key, versions) -> result.put(key, new ArrayList<>(versions)));
        return result;
    }
}
