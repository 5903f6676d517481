package dev.toolverdicts.comparison.ingest;

import dev.toolverdicts.comparison.store.ViewSchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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

    /**
     * Leaves out the events of a batch that a newer version of their key supersedes ({@link Projection#coalescingKey}):
     * the version guard would let only the newest of them change the view, whatever the order, so applying it alone
     * gives the same views. Events without a key all stay, in their order.
     */
    public Coalesced coalesce(List<?> batch) {
        List<Object> events = new ArrayList<>(batch.size());
        int[] winnerOf = new int[batch.size()];
        Map<List<Object>, Integer> byKey = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Object event = batch.get(i);
            Projection<Object> projection = of(event);
            Object entity = projection.coalescingKey(event);
            List<Object> key = entity == null ? null : List.of(event.getClass(), entity);
            Integer held = key == null ? null : byKey.get(key);
            if (held == null) {
                if (key != null) {
                    byKey.put(key, events.size());
                }
                winnerOf[i] = events.size();
                events.add(event);
                continue;
            }
            if (projection.version(event) > projection.version(events.get(held))) {
                events.set(held, event);
            }
            winnerOf[i] = held;
        }
        return new Coalesced(events, winnerOf);
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
