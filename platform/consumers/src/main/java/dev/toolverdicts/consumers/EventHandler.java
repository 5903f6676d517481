package dev.toolverdicts.consumers;

import dev.toolverdicts.events.EventType;
import java.util.function.Predicate;

/**
 * How one consumer applies one type of event to its service's own state. {@link #apply} runs its own transaction (the
 * platform commits the offset only after it returns) and is version-guarded: it returns true if the event changed
 * local state, false for a duplicate or an older version, so redelivery and replay are harmless. An exception means
 * "cannot apply": the record is retried a few times, then parked on {@code <topic>.DLT}.
 */
public interface EventHandler<E> {

    /** The contract's event type: the topic it is consumed from and the record its body maps to. */
    EventType<E> type();

    boolean apply(E event);

    /** A handler that applies events of {@code type} with {@code apply}. */
    static <E> EventHandler<E> of(EventType<E> type, Predicate<? super E> apply) {
        return new EventHandler<>() {

            @Override
            public EventType<E> type() {
                return type;
            }

            @Override
            public boolean apply(E event) {
                return apply.test(event);
            }
        };
    }
}
