package dev.toolverdicts.identity.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolverdicts.identity.IdentityApplication;
import dev.toolverdicts.testsupport.TestDatabase;
import dev.toolverdicts.testsupport.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Without the {@code dev} profile the service must refuse the published dev secrets and the demo accounts, and the
 * dev-only clients must not exist: a production context with the dev secret of {@code newsletter-job} does not
 * start, and a production instance that does start grants nothing for the dev secrets.
 */
class ProductionProfileTest {

    static final String GATEWAY_SECRET = "k3Vq9-ZpL2xW7nR4tY8uB1mC6dF0gH5j";
    static final String NEWSLETTER_SECRET = "Qw8eR2tY6uI0oP4aS9dF3gH7jK1lZ5xC";
    static final String LINK_SECRET = "mN3bV7cX1zL5kJ9hG2fD6sA0pO4iU8yT";
    static final String KEY_ENCRYPTION_KEY = "T6yU0iO4pA8sD2fG7hJ1kL5zX9cV3bN0";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final TestDatabase database = TestPostgres.newDatabase("identity_production");

    @Test
    void theDevSecretOfTheNewsletterJobStopsAProductionStartNamingTheProperty() {
        Map<String, String> devSecret = productionProperties();
        devSecret.put("identity.clients.newsletter-job.secret", "newsletter-job-dev-secret");
        assertThatThrownBy(() -> start(devSecret).close())
                .rootCause()
                .hasMessageContaining("identity.clients.newsletter-job.secret")
                .hasMessageContaining("IDENTITY_CLIENTS_NEWSLETTER_JOB_SECRET")
                .hasMessageContaining("default or placeholder")
                .hasMessageNotContaining("identity.clients.gateway.secret");
    }

    @Test
    void missingShortOrPlaceholderSecretsAndDemoUsersAreEachNamed() {
        Map<String, String> weak = productionProperties();
        weak.put("identity.clients.gateway.secret", "CHANGE-ME");
        weak.put("identity.clients.newsletter-job.secret", "");
        weak.put("identity.keys.encryption-key", "short-but-random-Zx81");
        weak.put("identity.demo-users.enabled", "true");
        assertThatThrownBy(() -> start(weak).close())
                .rootCause()
                .hasMessageContaining("identity.clients.gateway.secret (env IDENTITY_CLIENTS_GATEWAY_SECRET) is a default")
                .hasMessageContaining("identity.clients.newsletter-job.secret (env IDENTITY_CLIENTS_NEWSLETTER_JOB_SECRET) is not set")
                .hasMessageContaining("identity.keys.encryption-key (env IDENTITY_KEYS_ENCRYPTIONKEY) is shorter")
                .hasMessageContaining("identity.demo-users.enabled")
                .hasMessageNotContaining("identity.registration.link-secret");
    }

    @Test
    void aProductionInstanceGrantsNothingForTheDevSecretsAndDropsTheDevOnlyClients() throws Exception {
        try (ConfigurableApplicationContext dev = start(new LinkedHashMap<>(Map.of("spring.profiles.active", "dev",
                "identity.keys.encryption-key", KEY_ENCRYPTION_KEY)))) {
            assertThat(clientIds(dev)).contains("dev-cli", "benchmarks");
        }
        Map<String, String> otherKek = productionProperties();
        otherKek.put("identity.keys.encryption-key", "Zr7Wq2Lp9Xv4Ks1Nd8Jf3Hb6Gm0Ct5Ye");
        assertThatThrownBy(() -> start(otherKek).close()).as("the stored signing key needs its own KEK")
                .hasStackTraceContaining("does not decrypt with identity.keys.encryption-key");
        try (ConfigurableApplicationContext production = start(productionProperties())) {
            String base = "http://127.0.0.1:" + production.getEnvironment().getProperty("local.server.port");

            assertThat(clientCredentials(base, "newsletter-job", "newsletter-job-dev-secret").statusCode())
                    .isEqualTo(401);
            assertThat(clientCredentials(base, "benchmarks", "benchmarks-dev-secret").statusCode()).isEqualTo(401);
            assertThat(clientCredentials(base, "newsletter-job", NEWSLETTER_SECRET).statusCode()).isEqualTo(200);
            assertThat(clientIds(production)).containsExactlyInAnyOrder("gateway", "newsletter-job");
        }
    }

    @Test
    void inProductionTheActuatorIsOnlyOnTheManagementPortAndTheSessionCookieIsSecureAndLax() throws Exception {
        try (ConfigurableApplicationContext production = start(productionProperties())) {
            String base = "http://127.0.0.1:" + production.getEnvironment().getProperty("local.server.port");
            String management = "http://127.0.0.1:"
                    + production.getEnvironment().getProperty("local.management.port");

            assertThat(get(base + "/actuator/prometheus").statusCode()).isEqualTo(404);
            assertThat(get(base + "/actuator/health").statusCode()).isEqualTo(404);
            assertThat(get(management + "/actuator/health/readiness").statusCode()).isEqualTo(200);
            assertThat(get(management + "/actuator/prometheus").statusCode()).isEqualTo(200);

            String cookie = get(base + "/login").headers().allValues("Set-Cookie").stream()
                    .filter(header -> header.startsWith("IDSESSION=")).findFirst().orElseThrow();
            assertThat(cookie).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        }
    }

    private static HttpResponse<String> get(String uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A production configuration with strong secrets, as Kubernetes Secrets would give it. */
    static Map<String, String> productionProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("identity.clients.gateway.secret", GATEWAY_SECRET);
        properties.put("identity.clients.newsletter-job.secret", NEWSLETTER_SECRET);
        properties.put("identity.registration.link-secret", LINK_SECRET);
        properties.put("identity.keys.encryption-key", KEY_ENCRYPTION_KEY);
        return properties;
    }

    ConfigurableApplicationContext start(Map<String, String> properties) {
        Map<String, String> all = new LinkedHashMap<>(Map.of("server.port", "0", "management.server.port", "0",
                "spring.datasource.url", database.url(), "spring.datasource.username", database.username(),
                "spring.datasource.password", database.password()));
        all.putAll(properties);
        return new SpringApplicationBuilder(IdentityApplication.class)
                .run(all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private static List<String> clientIds(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class).sql("select client_id from oauth2_registered_client")
                .query(String.class).list();
    }

    private static HttpResponse<String> clientCredentials(String base, String clientId, String secret)
            throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
