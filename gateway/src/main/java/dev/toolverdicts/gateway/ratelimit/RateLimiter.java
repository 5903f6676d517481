package dev.toolverdicts.gateway.ratelimit;

import dev.toolverdicts.ratelimits.ClientAddresses;
import dev.toolverdicts.ratelimits.Decision;
import dev.toolverdicts.ratelimits.LeasedTokenBuckets;
import dev.toolverdicts.ratelimits.Limit;
import dev.toolverdicts.ratelimits.TokenBuckets;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The gateway's limits per rule and client key, in token buckets in the gateway's PostgreSQL that every instance
 * shares (platform/rate-limits), so N gateways together allow the configured rate, not N times it, and a restart
 * forgets nothing. A request on a limited route costs no database round trip most of the time: each instance leases
 * a few tokens at once ({@link LeasedTokenBuckets}: leased tokens are already taken from the shared bucket, so the
 * total is never exceeded; the lease size bounds how unevenly one client's tokens can sit on one instance) and
 * remembers a refusal until the next token is due. Memory holds only those short-lived leases, dropped when idle;
 * no client's count is ever cleared to make room. Routes no rule covers (the public reads) cost nothing.
 */
@Component
public class RateLimiter implements DisposableBean {

    /** Whose requests a bucket counts. */
    public enum KeyKind { CLIENT_ADDRESS, USER }

    private final List<CompiledRule> rules;
    private final LeasedTokenBuckets buckets;

    public RateLimiter(RateLimitProperties properties, TokenBuckets shared) {
        this.rules = properties.rules().stream().map(CompiledRule::new).toList();
        RateLimitProperties.Leases leases = properties.leases();
        this.buckets = new LeasedTokenBuckets(shared, new LeasedTokenBuckets.Settings(leases.share(),
                leases.maxTokens(), leases.idleAfter(), properties.maxTrackedKeys()));
    }

    /**
     * Takes one token from every bucket of {@code kind} whose rule covers the request; answers how long to wait
     * when one of them is empty. {@code key} is the client address (an IPv6 client counted by its /64) or user name.
     */
    public Optional<Duration> tryConsume(HttpServletRequest request, KeyKind kind, String key) {
        PathContainer path = null;
        Duration longestWait = null;
        for (CompiledRule rule : rules) {
            Limit limit = kind == KeyKind.CLIENT_ADDRESS ? rule.perIp : rule.perUser;
            if (limit == null) {
                continue;
            }
            path = path != null ? path : PathContainer.parsePath(request.getRequestURI());
            if (!rule.matches(request.getMethod(), path)) {
                continue;
            }
            String subject = kind == KeyKind.CLIENT_ADDRESS ? ClientAddresses.subject(key) : key;
            Decision decision = buckets.take(rule.name + '|' + kind, subject, limit);
            if (!decision.allowed()) {
                Duration wait = decision.retryAfter();
                longestWait = longestWait == null || wait.compareTo(longestWait) > 0 ? wait : longestWait;
            }
        }
        return Optional.ofNullable(longestWait);
    }

    /** Unused leased tokens go back to the shared buckets when this instance stops. */
    @Override
    public void destroy() {
        buckets.close();
    }

    private static final class CompiledRule {
        private final String name;
        private final List<String> methods;
        private final List<PathPattern> patterns;
        private final Limit perIp;
        private final Limit perUser;

        private CompiledRule(RateLimitProperties.Rule rule) {
            this.name = rule.name();
            this.methods = rule.methods();
            Function<String, PathPattern> parse = PathPatternParser.defaultInstance::parse;
            this.patterns = rule.paths().stream().map(parse).toList();
            this.perIp = limit(rule.perIp());
            this.perUser = limit(rule.perUser());
        }

        private static Limit limit(RateLimitProperties.Limit configured) {
            return configured == null ? null : new Limit(configured.capacity(), configured.period());
        }

        private boolean matches(String method, PathContainer path) {
            return (methods.isEmpty() || methods.contains(method))
                    && patterns.stream().anyMatch(pattern -> pattern.matches(path));
        }
    }
}
