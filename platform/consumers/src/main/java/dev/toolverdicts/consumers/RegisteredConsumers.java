package dev.toolverdicts.consumers;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every consumer of this service with its group id: what the listener endpoints, the dead-letter topics and the lag
 * meter are derived from, and where a dead-letter replay finds the handler of an event.
 */
public final class RegisteredConsumers {

    private final Map<String, ConsumerDispatcher> byPurpose = new LinkedHashMap<>();

    RegisteredConsumers(Collection<ConsumerDispatcher> dispatchers) {
        for (ConsumerDispatcher dispatcher : dispatchers) {
            if (byPurpose.putIfAbsent(dispatcher.consumer().purpose(), dispatcher) != null) {
                throw new IllegalStateException("two consumers with the purpose " + dispatcher.consumer().purpose());
            }
        }
    }

    public List<ConsumerDispatcher> all() {
        return List.copyOf(byPurpose.values());
    }

    public Optional<ConsumerDispatcher> byPurpose(String purpose) {
        return Optional.ofNullable(byPurpose.get(purpose));
    }

    /** Every topic some consumer of this service subscribes to, sorted. */
    public List<String> topics() {
        return byPurpose.values().stream().flatMap(d -> d.topics().stream()).distinct().sorted().toList();
    }
}
