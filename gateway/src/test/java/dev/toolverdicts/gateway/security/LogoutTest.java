package dev.toolverdicts.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.gateway.GatewayClient;
import dev.toolverdicts.gateway.Upstreams;
import dev.toolverdicts.testsupport.TestJwts;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithPostgres;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.session.SessionRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signing out ends the gateway session and hands the ID token to the identity service's end-session endpoint in a
 * form POST, never in a URL: no Location the browser is sent to carries {@code id_token_hint} or a JWT, and the page
 * carrying the form has no script and is not cached. (That identity's {@code /connect/logout} accepts the POST and
 * ends its session is identity-service's TokenConventionsTest.)
 */
@WithPostgres
@WithJwtIssuer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LogoutTest {

    private static final Upstreams UPSTREAMS = new Upstreams();
    private static final Pattern JWT = Pattern.compile("eyJ[\\w-]+\\.[\\w-]+\\.[\\w-]+");

    @LocalServerPort
    int port;

    @Autowired
    SessionRepository<?> sessions;

    @Autowired
    ClientRegistrationRepository registrations;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        UPSTREAMS.properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stopUpstreams() {
        UPSTREAMS.close();
    }

    @Test
    void logoutPostsTheIdTokenToTheEndSessionEndpointAndPutsItInNoUrl() {
        String idToken = TestJwts.idToken("user-9");
        String accessToken = TestJwts.token("user-9", "MEMBER");
        String cookie = "SESSION=" + SignedInSessions.store(sessions, registrations, "user-9", accessToken, idToken);
        GatewayClient gateway = new GatewayClient(port);

        HttpResponse<String> logout = gateway.send(gateway.request("/logout")
                .header("Cookie", cookie + "; XSRF-TOKEN=c0ffee")
                .header("X-XSRF-TOKEN", "c0ffee")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(logout.headers().firstValue("Location")).isEmpty();
        assertThat(logout.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(logout.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        String page = logout.body();
        assertThat(page).contains("<form method=\"post\" action=\"http://localhost:9000/connect/logout\">")
                .contains("<input type=\"hidden\" name=\"id_token_hint\" value=\"" + idToken + "\">")
                .contains("name=\"client_id\" value=\"gateway\"")
                .contains("name=\"post_logout_redirect_uri\" value=\"http://127.0.0.1:" + port + "/\"")
                .contains("<button type=\"submit\">")
                .doesNotContainIgnoringCase("<script").doesNotContain("style=");

        HttpResponse<String> after = gateway.send(gateway.request("/api/votes/tools/t1").header("Cookie", cookie).GET());
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(UPSTREAMS.get("vote").last().authorization()).as("the gateway session is gone").isNull();
    }

    @Test
    void noRedirectOfTheSignOutCarriesAToken() {
        GatewayClient gateway = new GatewayClient(port);
        List<HttpResponse<String>> answers = List.of(
                gateway.send(gateway.request("/logout").POST(HttpRequest.BodyPublishers.noBody())),
                gateway.send(gateway.request("/logout").header("Cookie", "SESSION="
                                + SignedInSessions.store(sessions, registrations, "user-10",
                                TestJwts.token("user-10", "MEMBER"), TestJwts.idToken("user-10"))
                                + "; XSRF-TOKEN=beef")
                        .header("X-XSRF-TOKEN", "beef").POST(HttpRequest.BodyPublishers.noBody())),
                gateway.get("/logout"));
        for (HttpResponse<String> answer : answers) {
            answer.headers().allValues("Location").forEach(location -> assertThat(location)
                    .doesNotContain("id_token_hint").doesNotContainPattern(JWT));
        }
        assertThat(answers.getFirst().statusCode()).as("without a session: straight home").isEqualTo(302);
        assertThat(answers.getFirst().headers().firstValue("Location")).hasValue("http://127.0.0.1:" + port + "/");
    }
}
