package dev.toolverdicts.gateway.cache;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What caches may keep of the gateway's answers. Anonymous readers get the service's own policy (public JSON reads are
 * shareable: service-defaults' CachePolicy). A browser presenting a session cookie is a signed-in person whose
 * answers may be personal: every {@code Cache-Control} becomes {@code private}, and {@code Vary: Cookie} tells a
 * shared cache in front that the cookie changes the answer.
 */
public final class GatewayCachePolicy extends OncePerRequestFilter {

    private final String sessionCookie;

    public GatewayCachePolicy(String sessionCookie) {
        this.sessionCookie = sessionCookie;
    }

    /** Whether the request presents the named cookie (the gateway's session cookie), whatever its value. */
    public static boolean hasCookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasCookie(request, sessionCookie)) {
            chain.doFilter(request, response);
            return;
        }
        response.addHeader("Vary", "Cookie");
        chain.doFilter(request, new PrivateAnswers(response));
    }

    /**
     * {@code public} becomes {@code private}; {@code no-store} (nothing kept anywhere) stays as it is; any other
     * policy gets {@code private} in front.
     */
    static String privateCacheControl(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.contains("no-store") && !lower.contains("public")) {
            return value;
        }
        if (lower.contains("public")) {
            return value.replaceAll("(?i)\\bpublic\\b", "private");
        }
        return lower.contains("private") ? value : "private, " + value;
    }

    private static final class PrivateAnswers extends HttpServletResponseWrapper {

        PrivateAnswers(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            if (name.equalsIgnoreCase("Cache-Control") && value != null) {
                super.setHeader(name, privateCacheControl(value));
            } else if (name.equalsIgnoreCase("Vary") && value != null && !value.toLowerCase(Locale.ROOT)
                    .contains("cookie")) {
                super.setHeader(name, value + ", Cookie");
            } else {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (name.equalsIgnoreCase("Cache-Control") && value != null) {
                super.addHeader(name, privateCacheControl(value));
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
