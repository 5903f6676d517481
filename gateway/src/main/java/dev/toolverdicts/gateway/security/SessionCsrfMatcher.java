package dev.toolverdicts.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which requests must carry a CSRF token: unsafe methods from a browser that presents a gateway session cookie.
 * A request without a session (an API client with its own bearer token, or an anonymous caller) has no ambient
 * authority for a forged request to borrow, so it is exempt; so are the buttons behind the newsletter's mailed links,
 * which the link's own signed token authorizes, not the session (and RFC 8058 one-click POSTs carry no CSRF token).
 */
final class SessionCsrfMatcher implements RequestMatcher {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> SIGNED_LINK_ACTIONS = Set.of("/api/newsletter/subscriptions/confirm",
            "/api/newsletter/subscriptions/unsubscribe");

    @Override
    public boolean matches(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod()) && request.getRequestedSessionId() != null
                && !SIGNED_LINK_ACTIONS.contains(request.getRequestURI());
    }
}
