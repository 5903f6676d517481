package dev.toolverdicts.identity.throttle;

import dev.toolverdicts.ratelimits.Decision;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spends one of the address's sign-in tokens on every posted login form, before the password is looked at; an
 * address out of tokens is answered 429 with {@code Retry-After} (the login page, forwarded to
 * {@link #THROTTLED_PATH}) and costs no bcrypt.
 */
public final class LoginThrottleFilter extends OncePerRequestFilter {

    public static final String THROTTLED_PATH = "/login/throttled";
    public static final String RETRY_AFTER = LoginThrottleFilter.class.getName() + ".retryAfter";

    private final SignInLimits limits;

    public LoginThrottleFilter(SignInLimits limits) {
        this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Decision decision = limits.signInAttempt(request.getRemoteAddr());
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(RETRY_AFTER, decision.retryAfterSeconds());
        request.getRequestDispatcher(THROTTLED_PATH).forward(request, response);
    }
}
