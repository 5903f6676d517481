package dev.toolverdicts.identity.token;

import dev.toolverdicts.testsupport.PkceLogin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.identity.FreePorts;
import dev.toolverdicts.identity.IdentityApplication;

import dev.toolverdicts.testsupport.WithPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The token conventions every service relies on, checked against the running server: client_credentials and
 * user tokens carry {@code sub}, {@code roles} (and {@code name}, {@code email} for people), are RS256-signed with the
 * key at {@code /oauth2/jwks}; the key lives in the database, so a second instance on it serves the same key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = "identity.demo-users.enabled=true")
@ActiveProfiles("dev")
@WithPostgres
class TokenConventionsTest {

    private static final int PORT = FreePorts.next();
    private static final String ISSUER = "http://127.0.0.1:" + PORT;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("identity.issuer", () -> ISSUER);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Test
    void clientCredentialsTokenNamesTheClientAndItsRolesAndVerifiesAgainstTheJwks() throws Exception {
        HttpResponse<String> response = clientCredentials("newsletter-job", "newsletter-job-dev-secret");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");

        Jwt jwt = decoder(ISSUER).decode(body.get("access_token").asString());

        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");
        assertThat(jwt.getSubject()).isEqualTo("newsletter-job");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("NEWSLETTER");
        assertThat(jwt.getIssuer().toString()).isEqualTo(ISSUER);
        assertThat(decodeClaimsJson(body.get("access_token").asString()).get("roles").isArray()).isTrue();

        Jwt benchmarks = decoder(ISSUER).decode(JSON.readTree(
                clientCredentials("benchmarks", "benchmarks-dev-secret").body()).get("access_token").asString());
        assertThat(benchmarks.getSubject()).isEqualTo("benchmarks");
        assertThat(benchmarks.getClaimAsStringList("roles")).containsExactly("MEMBER");
    }

    @Test
    void discoveryAnnouncesTheConfiguredIssuerAndItsEndpoints() throws Exception {
        JsonNode discovery = JSON.readTree(get(ISSUER + "/.well-known/openid-configuration"));
        assertThat(discovery.get("issuer").asString()).isEqualTo(ISSUER);
        assertThat(discovery.get("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
        assertThat(discovery.get("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");
        assertThat(discovery.get("end_session_endpoint").asString()).isEqualTo(ISSUER + "/connect/logout");
    }

    @Test
    void aWrongClientSecretGetsNoToken() throws Exception {
        assertThat(clientCredentials("newsletter-job", "not-the-secret").statusCode()).isEqualTo(401);
        assertThat(clientCredentials("no-such-client", "whatever").statusCode()).isEqualTo(401);
    }

    @Test
    void aDemoEditorSignsInThroughTheLoginFormAndGetsTheirStableIdAndRole() {
        PkceLogin.Tokens tokens = new PkceLogin(URI.create(ISSUER), "dev-cli",
                URI.create("http://127.0.0.1:8079/callback")).login("editor@toolverdicts.dev", "demo-password-2026");

        Jwt access = decoder(ISSUER).decode(tokens.accessToken());
        assertThat(access.getSubject()).isEqualTo("7d000000-0000-4000-8000-000000000001");
        assertThat(access.getClaimAsStringList("roles")).containsExactly("EDITOR");
        assertThat(access.getClaimAsString("name")).isEqualTo("Erin Editor");
        assertThat(access.getClaimAsString("email")).isEqualTo("editor@toolverdicts.dev");
        assertThat(access.getAudience()).containsExactly("dev-cli");
        Jwt id = decoder(ISSUER).decode(tokens.idToken());
        assertThat(id.getSubject()).isEqualTo(access.getSubject());
        assertThat(id.getClaimAsString("name")).isEqualTo("Erin Editor");

        String reviewer = new PkceLogin(URI.create(ISSUER), "dev-cli", URI.create("http://127.0.0.1:8079/callback"))
                .accessToken("skeptic@toolverdicts.dev", "demo-password-2026");
        assertThat(decoder(ISSUER).decode(reviewer).getClaimAsStringList("roles")).containsExactly("REVIEWER");
    }

    @Test
    void aSecondInstanceOnTheSameDatabaseServesTheSameKeyAndSeedsNothingTwice() throws Exception {
        String jwks = get(ISSUER + "/oauth2/jwks");
        long users = jdbc.sql("select count(*) from app_user").query(Long.class).single();
        long clients = jdbc.sql("select count(*) from oauth2_registered_client").query(Long.class).single();
        String token = JSON.readTree(clientCredentials("benchmarks", "benchmarks-dev-secret").body())
                .get("access_token").asString();

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(IdentityApplication.class)
                .run("--server.port=0",
                        "--spring.profiles.active=dev",
                        "--identity.issuer=" + ISSUER,
                        "--identity.demo-users.enabled=true",
                        "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                        "--spring.datasource.password=" + environment.getProperty("spring.datasource.password"))) {
            String secondBase = "http://127.0.0.1:" + second.getEnvironment().getProperty("local.server.port");
            String secondJwks = get(secondBase + "/oauth2/jwks");

            assertThat(JSON.readTree(secondJwks)).isEqualTo(JSON.readTree(jwks));
            assertThat(decoder(secondBase).decode(token).getSubject()).isEqualTo("benchmarks");
            assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isEqualTo(users);
            assertThat(jdbc.sql("select count(*) from oauth2_registered_client").query(Long.class).single())
                    .isEqualTo(clients);
        }
        List<String> keys = jdbc.sql("select kid from signing_key").query(String.class).list();
        assertThat(keys).hasSize(1);
        assertThat(JSON.readTree(jwks).get("keys").get(0).get("kid").asString()).isEqualTo(keys.getFirst());
    }

    private static NimbusJwtDecoder decoder(String base) {
        return NimbusJwtDecoder.withJwkSetUri(base + "/oauth2/jwks").build();
    }

    private static JsonNode decodeClaimsJson(String jwt) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> clientCredentials(String clientId, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(ISSUER + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String get(String uri) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(uri)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
