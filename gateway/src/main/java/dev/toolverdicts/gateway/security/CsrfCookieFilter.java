package dev.toolverdicts.gateway.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import dev.toolverdicts.gateway.cache.GatewayCachePolicy;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Loads the deferred CSRF token so the {@code XSRF-TOKEN} cookie is set: pages rendered by the web service (and htmx
 * on them) read it and echo it as {@code X-XSRF-TOKEN} or a {@code _csrf} form field. API calls with their own
 * {@code Authorization} header get no cookie, and neither does an anonymous API read: its answer may be public and
 * kept by a shared cache, which must never hand one reader's cookie to the next (and a reader without a session
 * cannot be asked for a CSRF token: see {@link SessionCsrfMatcher}).
 */
final class CsrfCookieFilter extends OncePerRequestFilter {

    private final String sessionCookie;

    CsrfCookieFilter(String sessionCookie) {
        this.sessionCookie = sessionCookie;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (token != null && request.getHeader("Authorization") == null && !isAnonymousApiRead(request)) {
            token.getToken();
        }
        chain.doFilter(request, response);
    }

    private boolean isAnonymousApiRead(HttpServletRequest request) {
        String method = request.getMethod();
        return (method.equals("GET") || method.equals("HEAD")) && request.getRequestURI().startsWith("/api/")
                && !GatewayCachePolicy.hasCookie(request, sessionCookie);
    }
}
