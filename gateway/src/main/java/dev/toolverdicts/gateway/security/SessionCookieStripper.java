package dev.toolverdicts.gateway.security;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * Removes the gateway's session cookie from proxied requests: the session id is a bearer credential for the user's
 * tokens and no upstream needs it (they get the access token instead). Other cookies, such as XSRF-TOKEN for the web
 * pages, pass on.
 */
@Component
class SessionCookieStripper implements RequestHttpHeadersFilter {

    private final String sessionCookie;

    SessionCookieStripper(@Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie) {
        this.sessionCookie = sessionCookie;
    }

    @Override
    public HttpHeaders apply(HttpHeaders input, ServerRequest request) {
        List<String> cookies = input.get(HttpHeaders.COOKIE);
        if (cookies == null) {
            return input;
        }
        List<String> kept = cookies.stream()
                .map(this::withoutSessionCookie)
                .filter(header -> !header.isBlank())
                .toList();
        HttpHeaders filtered = new HttpHeaders();
        filtered.putAll(input);
        filtered.remove(HttpHeaders.COOKIE);
        if (!kept.isEmpty()) {
            filtered.put(HttpHeaders.COOKIE, kept);
        }
        return filtered;
    }

    private String withoutSessionCookie(String header) {
        return Arrays.stream(header.split(";"))
                .map(String::trim)
                .filter(pair -> !pair.startsWith(sessionCookie + "="))
                .collect(Collectors.joining("; "));
    }
}
