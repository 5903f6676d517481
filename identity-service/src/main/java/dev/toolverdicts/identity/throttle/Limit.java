package dev.toolverdicts.identity.throttle;

import java.time.Duration;

/** A token bucket: {@code capacity} actions at once, refilled evenly to full over {@code period}. */
public record Limit(int capacity, Duration period) {

    public Limit {
        if (capacity < 1 || period == null || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a limit needs a capacity of at least 1 and a positive period");
        }
    }

    double tokensPerSecond() {
        return capacity / (period.toMillis() / 1000.0);
    }
}
