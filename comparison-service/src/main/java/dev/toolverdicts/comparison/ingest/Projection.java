package dev.toolverdicts.comparison.ingest;

import dev.toolverdicts.comparison.store.ViewSchema;
import dev.toolverdicts.events.EventType;
import java.time.Instant;

/**
 * How one kind of event lands in a generation of the read model: a version-guarded upsert of the entity it
 * carries, reporting which views it changed (none for duplicates and older versions).
 */
public interface Projection<E> {

    /** The event type it projects: the topic it is consumed from and its record. */
    EventType<E> type();

    ViewChanges apply(ViewSchema schema, E event);

    /** When the change happened in its source service. */
    Instant changedAt(E event);

    /**
     * True if its changes touch what many views share ({@link ViewChanges#wide()}): a replica that hears of one only
     * through the view feed drops every cached view, as the applying replica does.
     */
    default boolean wide() {
        return false;
    }

    /**
     * The entity whose whole state the event carries, if its upsert is guarded by {@link #version}: of several
     * events of one key in a batch only the newest can change anything, so a batch applies that one alone. Null
     * (the default): every event of the type is applied.
     */
    default Object coalescingKey(E event) {
        return null;
    }

    /** The version of the entity's state the event carries; only read when {@link #coalescingKey} is not null. */
    default long version(E event) {
        return 0;
    }
}
