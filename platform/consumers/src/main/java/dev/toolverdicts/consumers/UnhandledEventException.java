package dev.toolverdicts.consumers;

/** A record of a type the consumer has no handler for: not retried, parked on {@code <topic>.DLT} at once. */
public class UnhandledEventException extends RuntimeException {

    public UnhandledEventException(String message) {
        super(message);
    }
}
