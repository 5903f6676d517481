package dev.toolverdicts.comparison.ingest;

import dev.toolverdicts.consumers.EventConsumer;
import dev.toolverdicts.consumers.EventHandler;
import dev.toolverdicts.events.EventType;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read model's one consumer, {@code comparison-service.projection}, batched: a poll's records are applied through
 * {@link ProjectionApplier#applyAll} (version-guarded, coalesced per key, one transaction, offsets committed after it);
 * the handler per projection applies one event at a time when a batch fails, so a bad record is dead-lettered alone.
 * The platform derives the listener, the source topics' {@code .DLT} topics and the meters from it.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionConsumer {

    /** The purpose of the consumer: its group is {@code comparison-service.projection}. */
    public static final String PURPOSE = "projection";

    @Bean
    EventConsumer projectionEventConsumer(Projections projections, ProjectionApplier applier) {
        List<EventHandler<?>> handlers = projections.all().stream()
                .<EventHandler<?>>map(projection -> handler(projection.type(), applier))
                .toList();
        return EventConsumer.batched(PURPOSE, handlers, applier::applyAll);
    }

    private static <E> EventHandler<E> handler(EventType<E> type, ProjectionApplier applier) {
        return EventHandler.of(type, applier::apply);
    }
}
