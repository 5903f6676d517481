package dev.toolverdicts.gateway.routes;

import java.net.URI;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends the browser to the identity service's own origin for its pages (registration, e-mail verification): they
 * carry identity's session and CSRF token, so they are linked to, never proxied. {@code /login} starts the
 * gateway's own OAuth2 login instead.
 */
final class IdentityPages {

    static final String LOGIN_START = "/oauth2/authorization/identity";

    private final URI issuer;

    IdentityPages(URI issuer) {
        this.issuer = issuer;
    }

    ServerResponse login(ServerRequest request) {
        return ServerResponse.status(302).location(URI.create(LOGIN_START)).build();
    }

    ServerResponse atIdentity(ServerRequest request) {
        URI location = UriComponentsBuilder.fromUri(issuer)
                .path(request.path())
                .query(request.servletRequest().getQueryString())
                .build(true)
                .toUri();
        return ServerResponse.status(302).location(location).build();
    }
}
