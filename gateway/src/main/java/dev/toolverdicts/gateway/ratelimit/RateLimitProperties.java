package dev.toolverdicts.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The configured limits ({@code gateway.rate-limits}): per rule, the paths and methods it covers and how many
 * requests one client address and one signed-in user may make per period.
 */
@ConfigurationProperties("gateway.rate-limits")
public record RateLimitProperties(@DefaultValue List<Rule> rules, @DefaultValue("100000") int maxTrackedKeys) {

    /** One limited group of routes; {@code methods} empty means every method. Either limit may be absent. */
    public record Rule(String name, List<String> paths, @DefaultValue List<String> methods, Limit perIp,
            Limit perUser) {
    }

    /** {@code capacity} requests, refilled evenly over {@code period}. */
    public record Limit(long capacity, Duration period) {
    }
}
