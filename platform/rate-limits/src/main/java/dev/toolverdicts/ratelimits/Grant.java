package dev.toolverdicts.ratelimits;

import java.time.Duration;

/**
 * The answer to a take of several tokens: how many were taken (0 up to the number asked for), and when none were,
 * how long until the bucket holds one again.
 */
public record Grant(long taken, Duration retryAfter) {
}
