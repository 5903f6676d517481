package dev.toolverdicts.events;

/** An event body that does not match the contract; never worth retrying. */
public class EventCodecException extends RuntimeException {

    public EventCodecException(String message, Throwable cause) {
        super(message, cause);
    }

    public EventCodecException(String message) {
        super(message);
    }
}
