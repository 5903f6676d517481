package dev.toolverdicts.gateway.security;

import dev.toolverdicts.gateway.problem.ProblemResponses;
import dev.toolverdicts.gateway.ratelimit.RateLimitFilter;
import dev.toolverdicts.gateway.ratelimit.RateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The gateway's one security filter chain. Browsers sign in with OAuth2 (the gateway is the backend-for-frontend:
 * tokens stay in the server-side session, the browser holds only the session cookie); API clients send bearer
 * tokens, checked here and relayed unchanged. Authorization itself is each service's job, so every path is open at
 * this door; what the door adds is CSRF for cookie sessions, security headers, RP-initiated logout (by form POST, see
 * {@link FormPostLogout}) and rate limits.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurity {

    @Bean
    SecurityFilterChain gatewayFilterChain(HttpSecurity http, ClientRegistrationRepository registrations,
            RateLimiter rateLimiter, ProblemResponses problems, @Value("${gateway.content-security-policy}") String contentSecurityPolicy,
            @Value("${server.servlet.session.cookie.secure:true}") boolean secureCookies,
            @Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie) throws Exception {
        ProblemSecurityErrors errors = new ProblemSecurityErrors(problems);
        KnownRegistrationsOnly authorizationRequests = new KnownRegistrationsOnly(registrations);
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .oauth2Login(login -> login
                        .loginPage("/login")
                        .failureUrl("/?login=failed")
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorizationRequests)))
                .oauth2Client(client -> client.authorizationCodeGrant(grant -> grant
                        .authorizationRequestResolver(authorizationRequests)))
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(errors)
                        .accessDeniedHandler(errors))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(errors)
                        .accessDeniedHandler(errors))
                .logout(logout -> logout.logoutSuccessHandler(new FormPostLogout(registrations)))
                .csrf(csrf -> csrf
                        // the raw cookie value is accepted from the X-XSRF-TOKEN header (htmx) or a _csrf form field
                        .csrfTokenRepository(csrfCookie(secureCookies))
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(new SessionCsrfMatcher()))
                .addFilterAfter(new CsrfCookieFilter(sessionCookie), CsrfFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny()))
                .requestCache(cache -> cache.disable())
                .addFilterAfter(RateLimitFilter.byClientAddress(rateLimiter, problems), HeaderWriterFilter.class)
                .addFilterAfter(RateLimitFilter.byUser(rateLimiter, problems), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /** Readable by the pages' forms and htmx; Secure like the session cookie (outside the dev profile). */
    private static CookieCsrfTokenRepository csrfCookie(boolean secure) {
        CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieCustomizer(cookie -> cookie.secure(secure).sameSite("Lax"));
        return repository;
    }
}
