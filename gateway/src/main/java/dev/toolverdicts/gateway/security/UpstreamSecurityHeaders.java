package dev.toolverdicts.gateway.security;

import java.util.List;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.ResponseHttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Drops the security headers an upstream sends, so the gateway's own policy (written by Spring Security, which
 * never overwrites a header that is already there) is what every browser gets.
 */
@Component
class UpstreamSecurityHeaders implements ResponseHttpHeadersFilter {

    private static final List<String> GATEWAY_OWNED = List.of("Content-Security-Policy",
            "Content-Security-Policy-Report-Only", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options",
            "Strict-Transport-Security", "X-XSS-Protection");

    @Override
    public HttpHeaders apply(HttpHeaders input, ServerResponse response) {
        HttpHeaders filtered = new HttpHeaders();
        filtered.putAll(input);
        GATEWAY_OWNED.forEach(filtered::remove);
        return filtered;
    }
}
