package dev.toolverdicts.comparison.ingest;

import dev.toolverdicts.consumers.EventConsumer;
import dev.toolverdicts.consumers.EventHandler;
import dev.toolverdicts.events.EventType;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read model's one consumer, {@code comparison-service.projection}: a handler per projection, each applying its
 * events through the {@link ProjectionApplier} (version-guarded, one transaction, offsets committed after it). The
 * platform derives the listener, the source topics' {@code .DLT} topics and the meters from it.
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
        return new EventConsumer(PURPOSE, handlers);
    }

    private static <E> EventHandler<E> handler(EventType<E> type, ProjectionApplier applier) {
        return EventHandler.of(type, applier::apply);
    }
}
