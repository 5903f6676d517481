package dev.toolverdicts.gateway.ratelimit;

import dev.toolverdicts.gateway.problem.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 with {@code Retry-After} and problem+json once a client has used up a limit. Sits twice in the
 * security chain: keyed by client address before any authentication endpoint (login, OAuth2 callbacks, logout), and
 * keyed by user after the session or bearer token has been read. When the shared buckets cannot be read (the
 * gateway's database is down), a limited request is answered 503 with {@code Retry-After}, never let through
 * uncounted and never a 500.
 */
public final class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final long STORE_RETRY_AFTER_SECONDS = 5;

    private final RateLimiter limiter;
    private final RateLimiter.KeyKind kind;
    private final ProblemResponses problems;

    private RateLimitFilter(RateLimiter limiter, RateLimiter.KeyKind kind, ProblemResponses problems) {
        this.limiter = limiter;
        this.kind = kind;
        this.problems = problems;
    }

    /** Limits per client address ({@code getRemoteAddr}, already resolved from trusted proxies' forwarded headers). */
    public static RateLimitFilter byClientAddress(RateLimiter limiter, ProblemResponses problems) {
        return new RateLimitFilter(limiter, RateLimiter.KeyKind.CLIENT_ADDRESS, problems);
    }

    /** Limits per signed-in user (session or bearer token); anonymous requests pass. */
    public static RateLimitFilter byUser(RateLimiter limiter, ProblemResponses problems) {
        return new RateLimitFilter(limiter, RateLimiter.KeyKind.USER, problems);
    }

    /** Each of the two instances runs once per request, so each needs its own marker. */
    @Override
    protected String getAlreadyFilteredAttributeName() {
        return RateLimitFilter.class.getName() + "." + kind + ".FILTERED";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> key = kind == RateLimiter.KeyKind.CLIENT_ADDRESS
                ? Optional.ofNullable(request.getRemoteAddr())
                : userName();
        Optional<Duration> wait;
        try {
            wait = key.flatMap(k -> limiter.tryConsume(request, kind, k));
        } catch (DataAccessException unavailable) {
            log.warn("Rate-limit buckets unavailable; answering 503: {}", unavailable.getMessage());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(STORE_RETRY_AFTER_SECONDS));
            problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
                    "The request could not be counted against its limits; try again in "
                            + STORE_RETRY_AFTER_SECONDS + " s.");
            return;
        }
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
                    "Too many requests; try again in " + seconds + " s.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static Optional<String> userName() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(authentication.getName());
    }
}
