package dev.toolverdicts.outbox;

/**
 * The W3C {@code traceparent} of the trace current on the calling thread, captured when an event is appended so the
 * relay (another thread, later) can hand the trace on to the consumers. Null when there is no current trace.
 */
@FunctionalInterface
interface TraceparentSource {

    TraceparentSource NONE = () -> null;

    String current();
}
