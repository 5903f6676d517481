package dev.toolverdicts.gateway.security;

import dev.toolverdicts.gateway.problem.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * What Spring Security refuses at the door, as problem+json (or the site's error page for a browser's page
 * request): a bearer token that does not verify (401, keeping RFC 6750's {@code WWW-Authenticate}) and a write
 * without its CSRF token (403). What the firewall rejects is service-defaults' {@code ProblemRequestRejections}.
 */
final class ProblemSecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final ProblemResponses problems;

    ProblemSecurityErrors(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        bearer.commence(request, response, failure);
        problems.write(request, response, HttpStatus.UNAUTHORIZED, "The bearer token is not valid.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        problems.write(request, response, HttpStatus.FORBIDDEN,
                "This request is not allowed (a signed-in browser's write needs its CSRF token).");
    }
}
