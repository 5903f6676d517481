package dev.toolverdicts.ratelimits;

import java.time.Duration;

/** Whether a limited action may go ahead, and if not, how long until it may. */
public record Decision(boolean allowed, Duration retryAfter) {

    private static final Decision ALLOWED = new Decision(true, Duration.ZERO);

    public static Decision allowedNow() {
        return ALLOWED;
    }

    public static Decision refused(Duration retryAfter) {
        return new Decision(false, retryAfter.isNegative() ? Duration.ZERO : retryAfter);
    }

    /** Whole seconds for a {@code Retry-After} header, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
