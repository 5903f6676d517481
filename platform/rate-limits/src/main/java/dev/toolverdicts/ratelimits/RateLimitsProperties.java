package dev.toolverdicts.ratelimits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code rate-limits.*}: how often the buckets that have refilled to full are deleted. */
@ConfigurationProperties("rate-limits")
public record RateLimitsProperties(@DefaultValue("1h") Duration cleanupEvery) {
}
