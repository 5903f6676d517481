package dev.toolverdicts.gateway.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Token buckets (Bucket4j, in this instance's memory) per rule and client key. Each instance counts on its own, so
 * with N instances behind a round-robin balancer a client gets up to N times the configured rate: the limits are a
 * brake on abuse, not an exact quota.
 */
@Component
public class RateLimiter {

    /** Whose requests a bucket counts. */
    public enum KeyKind { CLIENT_ADDRESS, USER }

    private final List<CompiledRule> rules;
    private final int maxTrackedKeys;
    private final Map<String, TrackedBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(RateLimitProperties properties) {
        this.rules = properties.rules().stream().map(CompiledRule::new).toList();
        this.maxTrackedKeys = properties.maxTrackedKeys();
    }

    /**
     * Takes one token from every bucket of {@code kind} whose rule covers the request; answers how long to wait
     * when one of them is empty. {@code key} is the client address or user name.
     */
    public Optional<Duration> tryConsume(HttpServletRequest request, KeyKind kind, String key) {
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        Duration longestWait = null;
        for (CompiledRule rule : rules) {
            RateLimitProperties.Limit limit = kind == KeyKind.CLIENT_ADDRESS ? rule.rule.perIp() : rule.rule.perUser();
            if (limit == null || !rule.matches(request.getMethod(), path)) {
                continue;
            }
            ConsumptionProbe probe = bucket(rule.rule.name() + '|' + kind + '|' + key, limit)
                    .tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
                longestWait = longestWait == null || wait.compareTo(longestWait) > 0 ? wait : longestWait;
            }
        }
        return Optional.ofNullable(longestWait);
    }

    private Bucket bucket(String key, RateLimitProperties.Limit limit) {
        if (buckets.size() >= maxTrackedKeys) {
            evictIdle();
        }
        long now = System.nanoTime();
        TrackedBucket tracked = buckets.computeIfAbsent(key, k -> new TrackedBucket(newBucket(limit), limit.period()));
        tracked.lastUsedNanos = now;
        return tracked.bucket;
    }

    /** A bucket unused for a whole period is full again, so forgetting it changes nothing for its client. */
    private void evictIdle() {
        long now = System.nanoTime();
        buckets.entrySet().removeIf(e -> now - e.getValue().lastUsedNanos > e.getValue().period.toNanos());
        if (buckets.size() >= maxTrackedKeys) {
            buckets.clear();
        }
    }

    private static Bucket newBucket(RateLimitProperties.Limit limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.period()).build())
                .build();
    }

    private static final class TrackedBucket {
        private final Bucket bucket;
        private final Duration period;
        private volatile long lastUsedNanos;

        private TrackedBucket(Bucket bucket, Duration period) {
            this.bucket = bucket;
            this.period = period;
        }
    }

    private static final class CompiledRule {
        private final RateLimitProperties.Rule rule;
        private final List<PathPattern> patterns;

        private CompiledRule(RateLimitProperties.Rule rule) {
            this.rule = rule;
            Function<String, PathPattern> parse = PathPatternParser.defaultInstance::parse;
            this.patterns = rule.paths().stream().map(parse).toList();
        }

        private boolean matches(String method, PathContainer path) {
            return (rule.methods().isEmpty() || rule.methods().contains(method))
                    && patterns.stream().anyMatch(pattern -> pattern.matches(path));
        }
    }
}
