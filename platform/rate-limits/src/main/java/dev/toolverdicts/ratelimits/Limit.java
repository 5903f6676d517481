package dev.toolverdicts.ratelimits;

import java.time.Duration;

/** A token bucket's shape: {@code capacity} actions at once, refilled evenly to full over {@code period}. */
public record Limit(long capacity, Duration period) {

    public Limit {
        if (capacity < 1 || period == null || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a limit needs a capacity of at least 1 and a positive period");
        }
    }

    /** The refill rate. */
    public double tokensPerSecond() {
        return capacity / (period.toNanos() / 1e9);
    }
}
