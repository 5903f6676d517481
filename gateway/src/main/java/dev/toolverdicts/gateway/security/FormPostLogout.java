package dev.toolverdicts.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.util.UrlUtils;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * OIDC RP-initiated logout without the ID token in a URL. Spring Security's
 * {@code OidcClientInitiatedLogoutSuccessHandler} redirects to the end-session endpoint with
 * {@code ?id_token_hint=<JWT>}, which puts the token in the browser's history, the identity ingress's access log and
 * any Referer. RP-Initiated Logout 1.0 (section 2) lets the RP send the same parameters as a form POST, and Spring
 * Authorization Server's {@code /connect/logout} accepts POST (exempt from its CSRF check like its other protocol
 * endpoints). The hint cannot be dropped: the server requires it to know which client and session to end. Pages
 * carry no script, so there is no auto-submit: once the gateway session is gone, the browser gets a small
 * {@code no-store} page whose one button posts the hint to the identity service, which ends its own session and
 * redirects to the site. A session without an ID token just goes home.
 */
final class FormPostLogout implements LogoutSuccessHandler {

    private final ClientRegistrationRepository registrations;

    FormPostLogout(ClientRegistrationRepository registrations) {
        this.registrations = registrations;
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        String site = UriComponentsBuilder.fromUriString(UrlUtils.buildFullRequestUrl(request))
                .replacePath(request.getContextPath()).replaceQuery(null).fragment(null).build().toUriString() + "/";
        if (!(authentication instanceof OAuth2AuthenticationToken token)
                || !(token.getPrincipal() instanceof OidcUser user)) {
            response.sendRedirect(site);
            return;
        }
        ClientRegistration registration = registrations.findByRegistrationId(token.getAuthorizedClientRegistrationId());
        Object endSession = registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
        if (endSession == null) {
            response.sendRedirect(site);
            return;
        }
        byte[] page = page(endSession.toString(), user.getIdToken().getTokenValue(), registration.getClientId(), site)
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }

    private static String page(String endSession, String idToken, String clientId, String site) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>Signing out - Tool Verdicts</title>
                <link rel="stylesheet" href="/css/site.css">
                </head>
                <body>
                <main>
                <h1>You are signed out of Tool Verdicts</h1>
                <p>One more step ends your sign-in at the Tool Verdicts identity service as well.</p>
                <form method="post" action="%s">
                <input type="hidden" name="id_token_hint" value="%s">
                <input type="hidden" name="client_id" value="%s">
                <input type="hidden" name="post_logout_redirect_uri" value="%s">
                <button type="submit">Continue signing out</button>
                </form>
                </main>
                </body>
                </html>
                """.formatted(HtmlUtils.htmlEscape(endSession), HtmlUtils.htmlEscape(idToken),
                HtmlUtils.htmlEscape(clientId), HtmlUtils.htmlEscape(site));
    }
}
