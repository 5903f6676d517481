package dev.toolverdicts.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.gateway.GatewayApplication;
import dev.toolverdicts.gateway.GatewayClient;
import dev.toolverdicts.gateway.Upstreams;
import dev.toolverdicts.testsupport.TestJwts;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithPostgres;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.session.SessionRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A signed-in browser session, as the OAuth2 login leaves it (security context and authorized client with the
 * user's tokens), written to the shared PostgreSQL session store by one gateway instance, is honoured by a second
 * instance on the same database: the user's access token is relayed, the session cookie is not.
 * The login redirect dance itself needs the real identity service; the dev-stack integration test covers it.
 */
@WithPostgres
@WithJwtIssuer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SharedSessionTest {

    private static final Upstreams UPSTREAMS = new Upstreams();

    @LocalServerPort
    int port;

    @Autowired
    SessionRepository<?> sessions;

    @Autowired
    ClientRegistrationRepository registrations;

    @Autowired
    Environment environment;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        UPSTREAMS.properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stopUpstreams() {
        UPSTREAMS.close();
    }

    @Test
    void aSessionSignedInOnOneInstanceRelaysTheUsersTokenFromAnother() {
        String accessToken = TestJwts.token("user-7", "MEMBER");
        String cookie = "SESSION=" + signedInSession("user-7", accessToken);

        try (ConfigurableApplicationContext second = secondInstance()) {
            GatewayClient other = new GatewayClient(second.getEnvironment()
                    .getRequiredProperty("local.server.port", Integer.class));
            HttpResponse<String> response = other.send(other.request("/api/votes/tools/t1")
                    .header("Cookie", cookie).GET());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(UPSTREAMS.get("vote").last().authorization()).isEqualTo("Bearer " + accessToken);
            assertThat(UPSTREAMS.get("vote").last().cookie()).isNull();
        }
        GatewayClient first = new GatewayClient(port);
        first.send(first.request("/tools/smolvlm-3b").header("Cookie", cookie).GET());
        assertThat(UPSTREAMS.get("web").last().authorization()).isEqualTo("Bearer " + accessToken);
    }

    @Test
    void aRequestWithoutASessionIsRelayedWithoutAToken() {
        GatewayClient first = new GatewayClient(port);
        assertThat(first.get("/api/votes/tools/t9").statusCode()).isEqualTo(200);
        assertThat(UPSTREAMS.get("vote").last().authorization()).isNull();
    }

    private String signedInSession(String subject, String accessToken) {
        return SignedInSessions.store(sessions, registrations, subject, accessToken, "id-token");
    }

    private ConfigurableApplicationContext secondInstance() {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "server.port", 0,
                "spring.datasource.url", environment.getRequiredProperty("spring.datasource.url"),
                "spring.datasource.username", environment.getRequiredProperty("spring.datasource.username"),
                "spring.datasource.password", environment.getRequiredProperty("spring.datasource.password"),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestJwts.jwkSetUri(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", TestJwts.ISSUER));
        properties.putAll(UPSTREAMS.properties());
        // command-line arguments, so they win over application.yml as the test's own properties do
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(GatewayApplication.class).run(arguments);
    }
}
