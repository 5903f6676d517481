package dev.toolverdicts.identity.throttle;

import java.time.Duration;

/** Whether a throttled action may go ahead, and if not, how long until it may. */
public record Decision(boolean allowed, Duration retryAfter) {

    static final Decision ALLOWED = new Decision(true, Duration.ZERO);

    /** Whole seconds for a {@code Retry-After} header, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
