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
 * <p>
 * By default each record is applied on its own, its offset committed after its handler returned. A consumer with a
 * {@link BatchHandler} ({@link #batched}) gets a poll's records at once instead, offsets committed after the batch's
 * transaction; a record it cannot apply is still retried and parked on its {@code .DLT} alone.
 */
public record EventConsumer(String purpose, List<EventHandler<?>> handlers, BatchHandler batch) {

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

    public EventConsumer(String purpose, List<EventHandler<?>> handlers) {
        this(purpose, handlers, null);
    }

    public static EventConsumer of(String purpose, EventHandler<?>... handlers) {
        return new EventConsumer(purpose, List.of(handlers));
    }

    /** A consumer that applies a poll's records at once with {@code batch}, and one at a time with its handlers. */
    public static EventConsumer batched(String purpose, List<EventHandler<?>> handlers, BatchHandler batch) {
        return new EventConsumer(purpose, handlers, Objects.requireNonNull(batch, "batch"));
    }

    /** True if it gets a poll's records at once ({@link #batched}). */
    public boolean isBatched() {
        return batch != null;
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
