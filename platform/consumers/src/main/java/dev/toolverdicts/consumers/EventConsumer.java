package dev.toolverdicts.consumers;

import dev.toolverdicts.events.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One consumer of a service: the handlers that serve one purpose (e.g. "projection", "published-tools"), read by one
 * Kafka consumer group named {@code <service>.<purpose>}. A service declares it as a bean; the platform derives from
 * it the listener, the group id, the subscribed topics, their {@code .DLT} topics and the meters.
 */
public record EventConsumer(String purpose, List<EventHandler<?>> handlers) {

    private static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9-]*");

    public EventConsumer {
        Objects.requireNonNull(purpose, "purpose");
        if (!PURPOSE.matcher(purpose).matches()) {
            throw new IllegalArgumentException("a consumer's purpose is lower-case words joined by '-': " + purpose);
        }
        handlers = List.copyOf(handlers);
        if (handlers.isEmpty()) {
            throw new IllegalArgumentException("consumer " + purpose + " has no handlers");
        }
        List<Class<?>> payloads = new ArrayList<>();
        for (EventHandler<?> handler : handlers) {
            if (payloads.contains(handler.type().payload())) {
                throw new IllegalArgumentException("consumer " + purpose + " has two handlers of "
                        + handler.type().name());
            }
            payloads.add(handler.type().payload());
        }
    }

    public static EventConsumer of(String purpose, EventHandler<?>... handlers) {
        return new EventConsumer(purpose, List.of(handlers));
    }

    /** The topics this consumer subscribes to, sorted and without repeats. */
    public List<String> topics() {
        return handlers.stream().map(EventHandler::type).map(EventType::topic).distinct().sorted().toList();
    }

    /** The Kafka consumer group (and listener id) of this consumer in {@code service}. */
    public String groupId(String service) {
        return service + "." + purpose;
    }
}
