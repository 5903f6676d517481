package dev.toolverdicts.consumers;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListener;

/**
 * The listener of one consumer: hands each record's event to the handler of its type and counts the outcome in
 * {@code events.consumed{service, group, topic, outcome=applied|stale}}. Dead-letter replays go through it too.
 */
public final class ConsumerDispatcher implements MessageListener<Object, Object> {

    static final String METER = "events.consumed";
    private static final Logger log = LoggerFactory.getLogger(ConsumerDispatcher.class);

    private final EventConsumer consumer;
    private final String groupId;
    private final Map<Class<?>, Route> routes = new HashMap<>();

    ConsumerDispatcher(EventConsumer consumer, String service, String groupId, MeterRegistry registry) {
        this.consumer = consumer;
        this.groupId = groupId;
        for (EventHandler<?> handler : consumer.handlers()) {
            String topic = handler.type().topic();
            routes.put(handler.type().payload(), new Route(handler,
                    counter(registry, service, groupId, topic, "applied"),
                    counter(registry, service, groupId, topic, "stale")));
        }
    }

    public EventConsumer consumer() {
        return consumer;
    }

    public String groupId() {
        return groupId;
    }

    public List<String> topics() {
        return consumer.topics();
    }

    @Override
    public void onMessage(ConsumerRecord<Object, Object> record) {
        boolean applied = apply(record.value());
        // at DEBUG, one line per record, in the trace the record's traceparent header continues
        log.debug("{} {} {}-{}@{}", groupId, applied ? "applied" : "stale", record.topic(), record.partition(),
                record.offset());
    }

    /** Applies one event through its handler; true if it changed local state, false if it was stale. */
    public boolean apply(Object event) {
        if (event == null) {
            throw new UnhandledEventException("consumer " + groupId + " got a record without an event");
        }
        Route route = routes.get(event.getClass());
        if (route == null) {
            throw new UnhandledEventException("consumer " + groupId + " has no handler for "
                    + event.getClass().getSimpleName());
        }
        boolean applied = route.apply(event);
        (applied ? route.applied : route.stale).increment();
        return applied;
    }

    /** True if one of its handlers takes the event. */
    boolean handles(Object event) {
        return event != null && routes.containsKey(event.getClass());
    }

    /** Counts an event a {@link BatchHandler} applied (or found stale). */
    void count(Object event, boolean applied) {
        Route route = routes.get(event.getClass());
        (applied ? route.applied : route.stale).increment();
    }

    private static Counter counter(MeterRegistry registry, String service, String group, String topic,
            String outcome) {
        return Counter.builder(METER)
                .description("Events a consumer received, by whether they changed its service's state")
                .tag("service", service)
                .tag("group", group)
                .tag("topic", topic)
                .tag("outcome", outcome)
                .register(registry);
    }

    private record Route(EventHandler<?> handler, Counter applied, Counter stale) {

        @SuppressWarnings("unchecked")
        boolean apply(Object event) {
            return ((EventHandler<Object>) handler).apply(event);
        }
    }
}
