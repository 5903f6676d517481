package dev.toolverdicts.gateway.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolverdicts.gateway.GatewayApplication;
import dev.toolverdicts.gateway.GatewayClient;
import dev.toolverdicts.gateway.Upstreams;
import dev.toolverdicts.testsupport.TestDatabase;
import dev.toolverdicts.testsupport.TestJwts;
import dev.toolverdicts.testsupport.TestPostgres;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Without the {@code dev} profile the gateway is secure by default (issue 16): it refuses a missing, published,
 * short or placeholder OAuth2 client secret naming the property and its environment variable; the session cookie is
 * {@code __Host-SESSION} (Secure, HttpOnly, SameSite=Lax, Path=/, no Domain), the CSRF cookie is Secure; and nothing
 * under {@code /actuator}, the gateway's own or a service's, answers on the public port.
 */
class ProductionProfileTest {

    static final String STRONG_SECRET = "p7Hq2-Lx9Wv4Rk8Nd3Jf6Bm1Ct5Gy0Zs";
    private static final Upstreams UPSTREAMS = new Upstreams();

    private final TestDatabase database = TestPostgres.newDatabase("gateway_production");

    @AfterAll
    static void stopUpstreams() {
        UPSTREAMS.close();
    }

    @Test
    void aDefaultPlaceholderShortOrMissingClientSecretStopsTheStartNamingPropertyAndVariable() {
        for (String weak : List.of("gateway-dev-secret", "CHANGE-ME", "Zx81-short-but-random", "")) {
            Map<String, String> properties = production();
            properties.put("gateway.oauth2.client-secret", weak);
            assertThatThrownBy(() -> start(properties).close()).as(weak)
                    .rootCause()
                    .hasMessageContaining("gateway.oauth2.client-secret")
                    .hasMessageContaining("GATEWAY_OAUTH2_CLIENTSECRET")
                    .hasMessageContaining("at least 32 bytes");
        }
        Map<String, String> unset = production();
        unset.remove("gateway.oauth2.client-secret");
        assertThatThrownBy(() -> start(unset).close()).rootCause().hasMessageContaining("is not set");
    }

    @Test
    void aLongRandomSecretStartsWithHostOnlySecureCookiesAndNoPublicActuator() {
        try (ConfigurableApplicationContext gateway = start(production())) {
            GatewayClient client = new GatewayClient(port(gateway, "local.server.port"));

            HttpResponse<String> login = client.get("/oauth2/authorization/identity");
            assertThat(login.statusCode()).isEqualTo(302);
            String session = cookie(login, "__Host-SESSION=");
            assertThat(session).matches("__Host-SESSION=[^;]+; Path=/; Secure; HttpOnly; SameSite=Lax")
                    .doesNotContainIgnoringCase("Domain");
            assertThat(login.headers().allValues("Set-Cookie")).noneMatch(header -> header.startsWith("SESSION="));

            String csrf = cookie(client.get("/tools/smolvlm-3b"), "XSRF-TOKEN=");
            assertThat(csrf).contains("; Secure").containsIgnoringCase("SameSite=Lax")
                    .doesNotContainIgnoringCase("HttpOnly").doesNotContainIgnoringCase("Domain");
            client.send(client.request("/api/votes/tools/t1").header("Cookie", "__Host-SESSION=c29tZQ; XSRF-TOKEN=f00d")
                    .GET());
            assertThat(UPSTREAMS.get("vote").last().cookie()).as("the session cookie never reaches a service")
                    .isEqualTo("XSRF-TOKEN=f00d");

            for (String path : List.of("/actuator", "/actuator/", "/actuator/prometheus", "/actuator/health",
                    "/actuator/health/readiness", "/actuator/env", "/actuator/gateway/routes", "/actuator/metrics",
                    "/api/catalog/actuator", "/api/catalog/actuator/prometheus", "/api/reviews/actuator/health",
                    "/api/votes/actuator/env", "/api/comparisons/actuator/prometheus",
                    "/api/newsletter/actuator/health", "/api/identity/actuator/prometheus",
                    "/api/catalog/tools/../actuator/health", "/api/votes/%61ctuator/prometheus",
                    "/api/reviews/ACTUATOR/health", "/api/catalog/actuator;x=1/health")) {
                HttpResponse<String> response = client.get(path);
                assertThat(response.statusCode()).as(path).isIn(400, 404);
                assertThat(response.headers().firstValue("Content-Type")).as(path)
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            }
            for (String service : List.of("catalog", "review", "vote", "comparison", "newsletter", "identity")) {
                assertThat(UPSTREAMS.get(service).seen()).as(service)
                        .noneMatch(seen -> seen.uri().toLowerCase(Locale.ROOT).contains("actuator"));
            }

            GatewayClient management = new GatewayClient(port(gateway, "local.management.port"));
            assertThat(management.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
            assertThat(management.get("/actuator/prometheus").statusCode()).isEqualTo(200);
        }
    }

    private static String cookie(HttpResponse<String> response, String prefix) {
        return response.headers().allValues("Set-Cookie").stream().filter(header -> header.startsWith(prefix))
                .findFirst().orElseThrow(() -> new AssertionError("no " + prefix + " cookie in "
                        + response.headers().allValues("Set-Cookie")));
    }

    private static int port(ConfigurableApplicationContext context, String property) {
        return context.getEnvironment().getRequiredProperty(property, Integer.class);
    }

    /** A production configuration: no dev profile, a strong secret, as the Kubernetes Secret would give it. */
    private Map<String, String> production() {
        Map<String, String> properties = new LinkedHashMap<>();
        // replaces the test classpath's dev profile; no configuration file names this one, so it is as Kubernetes
        // runs the gateway: no profile at all
        properties.put("spring.profiles.active", "kubernetes");
        properties.put("gateway.oauth2.client-secret", STRONG_SECRET);
        properties.put("server.port", "0");
        properties.put("management.server.port", "0");
        properties.put("spring.datasource.url", database.url());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestJwts.jwkSetUri());
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestJwts.ISSUER);
        properties.putAll(UPSTREAMS.properties());
        return properties;
    }

    private static ConfigurableApplicationContext start(Map<String, String> properties) {
        return new SpringApplicationBuilder(GatewayApplication.class)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }
}
