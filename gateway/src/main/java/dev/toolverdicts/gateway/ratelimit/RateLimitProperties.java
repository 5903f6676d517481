package dev.toolverdicts.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The configured limits ({@code gateway.rate-limits}): per rule, the paths and methods it covers and how many
 * requests one client address and one signed-in user may make per period, across all gateway instances; how the
 * instances lease tokens from the shared buckets; and how many subjects one instance keeps a lease for
 * ({@code max-tracked-keys}; beyond it, requests are counted in the shared bucket one statement each).
 */
@ConfigurationProperties("gateway.rate-limits")
public record RateLimitProperties(@DefaultValue List<Rule> rules, @DefaultValue("100000") int maxTrackedKeys,
        @DefaultValue Leases leases) {

    /** One limited group of routes; {@code methods} empty means every method. Either limit may be absent. */
    public record Rule(String name, List<String> paths, @DefaultValue List<String> methods, Limit perIp,
            Limit perUser) {
    }

    /** {@code capacity} requests, refilled evenly over {@code period}. */
    public record Limit(long capacity, Duration period) {
    }

    /**
     * A lease is {@code share} of a limit's capacity (at least 1, at most {@code max-tokens}); its unused tokens go
     * back to the shared bucket after {@code idle-after} without a request.
     */
    public record Leases(@DefaultValue("0.05") double share, @DefaultValue("50") long maxTokens,
            @DefaultValue("2s") Duration idleAfter) {
    }
}
