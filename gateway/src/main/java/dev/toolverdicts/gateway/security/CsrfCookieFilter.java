package dev.toolverdicts.gateway.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Loads the deferred CSRF token on every request so the {@code XSRF-TOKEN} cookie is always set: pages rendered by
 * the web service (and htmx on them) read it and echo it as {@code X-XSRF-TOKEN} or a {@code _csrf} form field.
 * API calls with their own {@code Authorization} header get no cookie.
 */
final class CsrfCookieFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (token != null && request.getHeader("Authorization") == null) {
            token.getToken();
        }
        chain.doFilter(request, response);
    }
}
