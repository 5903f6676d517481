package dev.toolverdicts.comparison.ingest;

import dev.toolverdicts.comparison.store.ViewSchema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Finds the projection of any event record, so the live listeners, the rebuild and dead-letter replay share one path. */
@Component
public class Projections {

    private final Map<Class<?>, Projection<?>> byType;

    Projections(List<Projection<?>> projections) {
        this.byType = projections.stream().collect(Collectors.toMap(Projection::eventType, Function.identity()));
    }

    public ViewChanges apply(ViewSchema schema, Object event) {
        return of(event).apply(schema, event);
    }

    public Instant changedAt(Object event) {
        return of(event).changedAt(event);
    }

    public String topic(Object event) {
        return of(event).topic();
    }

    public List<String> topics() {
        return byType.values().stream().map(Projection::topic).sorted().toList();
    }

    @SuppressWarnings("unchecked")
    private <E> Projection<E> of(E event) {
        Projection<E> projection = (Projection<E>) byType.get(event.getClass());
        if (projection == null) {
            throw new IllegalArgumentException("no projection for " + event.getClass().getSimpleName());
        }
        return projection;
    }
}
