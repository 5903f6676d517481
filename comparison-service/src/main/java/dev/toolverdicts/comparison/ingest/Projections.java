package dev.toolverdicts.comparison.ingest;

import dev.toolverdicts.comparison.store.ViewSchema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Finds the projection of any event record, so the live consumer, the rebuild and dead-letter replay share one path;
 * the projections' event types are the read model's source topics.
 */
@Component
public class Projections {

    private final List<Projection<?>> all;
    private final Map<Class<?>, Projection<?>> byType;

    Projections(List<Projection<?>> projections) {
        this.all = List.copyOf(projections);
        this.byType = projections.stream().collect(Collectors.toMap(p -> p.type().payload(), Function.identity()));
    }

    public ViewChanges apply(ViewSchema schema, Object event) {
        return of(event).apply(schema, event);
    }

    public Instant changedAt(Object event) {
        return of(event).changedAt(event);
    }

    public String topic(Object event) {
        return of(event).type().topic();
    }

    /** The topics the read model is projected from: what the consumer reads, a rebuild replays, dead letters hold. */
    public List<String> topics() {
        return byType.values().stream().map(p -> p.type().topic()).distinct().sorted().toList();
    }

    /** True if the changes that events of the topic make are wide ({@link Projection#wide()}). */
    public boolean wide(String topic) {
        return all.stream().anyMatch(p -> p.wide() && p.type().topic().equals(topic));
    }

    public List<Projection<?>> all() {
        return all;
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
