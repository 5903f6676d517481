package dev.toolverdicts.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Starts OAuth2 login only for a registration that exists: {@code /oauth2/authorization/<unknown>} passes on as a
 * request for a path that is not there (404 problem), instead of the framework's 500.
 */
final class KnownRegistrationsOnly implements OAuth2AuthorizationRequestResolver {

    private static final String BASE = OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI
            + "/";

    private final ClientRegistrationRepository registrations;
    private final OAuth2AuthorizationRequestResolver delegate;

    KnownRegistrationsOnly(ClientRegistrationRepository registrations) {
        this.registrations = registrations;
        this.delegate = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith(BASE)) {
            String id = path.substring(BASE.length());
            int slash = id.indexOf('/');
            if (registrations.findByRegistrationId(slash < 0 ? id : id.substring(0, slash)) == null) {
                return null;
            }
        }
        return delegate.resolve(request);
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
        if (registrations.findByRegistrationId(clientRegistrationId) == null) {
            return null;
        }
        return delegate.resolve(request, clientRegistrationId);
    }
}
