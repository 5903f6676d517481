package dev.toolverdicts.identity.token;

import dev.toolverdicts.testsupport.PkceLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolverdicts.identity.FreePorts;
import dev.toolverdicts.identity.IdentityApplication;
import dev.toolverdicts.identity.ResourceServers;

import dev.toolverdicts.testsupport.WithPostgres;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The token conventions every service relies on, checked against the running server: client_credentials and
 * user access tokens carry {@code sub}, {@code roles} (and {@code name}, {@code email}, {@code account_created_at} for
 * people), the API audience and {@code typ: at+jwt}; ID tokens carry no roles; all are RS256-signed with the
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

        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsEntry("typ", "at+jwt");
        assertThat(jwt.getAudience()).containsExactly("toolverdicts-api");
        assertThat(jwt.getClaimAsString("client_id")).isEqualTo("newsletter-job");
        assertThat(jwt.hasClaim("account_created_at")).as("only people have accounts").isFalse();
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
    void aDemoEditorSignsInThroughTheLoginFormAndGetsTheirStableIdAndRole() throws Exception {
        PkceLogin.Tokens tokens = new PkceLogin(URI.create(ISSUER), "dev-cli",
                URI.create("http://127.0.0.1:8079/callback")).login("editor@toolverdicts.dev", "demo-password-2026");

        Jwt access = decoder(ISSUER).decode(tokens.accessToken());
        assertThat(access.getSubject()).isEqualTo("7d000000-0000-4000-8000-000000000001");
        assertThat(access.getClaimAsStringList("roles")).containsExactly("EDITOR");
        assertThat(access.getClaimAsString("name")).isEqualTo("Erin Editor");
        assertThat(access.getClaimAsString("email")).isEqualTo("editor@toolverdicts.dev");
        assertThat(access.getAudience()).containsExactly("toolverdicts-api");
        assertThat(access.getClaimAsString("client_id")).isEqualTo("dev-cli");
        assertThat(access.getHeaders()).containsEntry("typ", "at+jwt");
        Instant createdAt = jdbc.sql("select created_at from app_user where id = ?").param(UUID.fromString(
                access.getSubject())).query(Timestamp.class).single().toInstant();
        assertThat(Instant.parse(access.getClaimAsString("account_created_at")))
                .isEqualTo(createdAt.truncatedTo(ChronoUnit.SECONDS));
        Jwt id = decoder(ISSUER).decode(tokens.idToken());
        assertThat(id.getSubject()).isEqualTo(access.getSubject());
        assertThat(id.getClaimAsString("name")).isEqualTo("Erin Editor");
        assertThat(id.getAudience()).as("an ID token is for the client, never an API").containsExactly("dev-cli");
        assertThat(id.hasClaim("roles")).as("an ID token grants nothing").isFalse();
        assertThat(id.getHeaders()).doesNotContainEntry("typ", "at+jwt");

        NimbusJwtDecoder resourceServer = resourceServerDecoder();
        assertThat(resourceServer.decode(tokens.accessToken()).getSubject()).isEqualTo(access.getSubject());
        assertThatThrownBy(() -> resourceServer.decode(tokens.idToken()))
                .as("an ID token is no access token").isInstanceOf(JwtValidationException.class);
        assertThat(userInfo(tokens.accessToken()).statusCode()).isEqualTo(200);
        assertThat(userInfo(tokens.idToken()).statusCode()).isEqualTo(401);

        String reviewer = new PkceLogin(URI.create(ISSUER), "dev-cli", URI.create("http://127.0.0.1:8079/callback"))
                .accessToken("skeptic@toolverdicts.dev", "demo-password-2026");
        assertThat(decoder(ISSUER).decode(reviewer).getClaimAsStringList("roles")).containsExactly("REVIEWER");
    }

    @Test
    void logoutByFormPostEndsTheLoginSessionWithTheIdTokenInNoUrl() throws Exception {
        HttpClient browser = PkceLogin.newBrowser();
        URI callback = URI.create("http://127.0.0.1:8079/callback");
        PkceLogin.Tokens tokens = new PkceLogin(URI.create(ISSUER), "dev-cli", callback)
                .login(browser, "editor@toolverdicts.dev", "demo-password-2026");
        assertThat(authorize(browser)).as("signed in: straight back with a code").startsWith(callback + "?code=");

        HttpResponse<String> logout = browser.send(HttpRequest.newBuilder(URI.create(ISSUER + "/connect/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("id_token_hint=" + tokens.idToken() + "&client_id=dev-cli"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().allValues("Location")).allSatisfy(location -> assertThat(location)
                .doesNotContain("id_token_hint").doesNotContain(tokens.idToken().substring(0, 20)));
        assertThat(authorize(browser)).as("the identity session is over: a fresh login is asked for")
                .isEqualTo(ISSUER + "/login");
    }

    /** Where an authorization request of dev-cli sends this browser. */
    private static String authorize(HttpClient browser) throws Exception {
        String query = "response_type=code&client_id=dev-cli&scope=openid&state=s1"
                + "&redirect_uri=" + URLEncoder.encode("http://127.0.0.1:8079/callback", StandardCharsets.UTF_8)
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(ISSUER + "/oauth2/authorize?"
                + query)).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
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
            HttpClient browser = signedInBrowser("editor@toolverdicts.dev", "demo-password-2026");
            HttpResponse<String> landing = browser.send(HttpRequest.newBuilder(URI.create(secondBase + "/"))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(landing.statusCode()).as("the login session is shared: signed in at the second instance too")
                    .isEqualTo(200);
            assertThat(landing.body()).contains("Erin Editor");
            assertThat(decoder(secondBase).decode(token).getSubject()).isEqualTo("benchmarks");
            assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isEqualTo(users);
            assertThat(jdbc.sql("select count(*) from oauth2_registered_client").query(Long.class).single())
                    .isEqualTo(clients);
        }
        List<String> keys = jdbc.sql("select kid from signing_key").query(String.class).list();
        assertThat(keys).hasSize(1);
        assertThat(JSON.readTree(jwks).get("keys").get(0).get("kid").asString()).isEqualTo(keys.getFirst());
    }

    private static NimbusJwtDecoder resourceServerDecoder() {
        return ResourceServers.decoder(ISSUER);
    }

    private static HttpResponse<String> userInfo(String bearer) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(ISSUER + "/userinfo"))
                .header("Authorization", "Bearer " + bearer).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Checks the signature against the JWK set and the expiry only, so it reads ID and access tokens alike. */
    private static NimbusJwtDecoder decoder(String base) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(base + "/oauth2/jwks").build();
        decoder.setJwtValidator(new JwtTimestampValidator());
        return decoder;
    }

    private static JsonNode decodeClaimsJson(String jwt) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    /** A browser (cookie jar) signed in through the first instance's login form. */
    private static HttpClient signedInBrowser(String email, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = browser.send(HttpRequest.newBuilder(URI.create(ISSUER + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(URI.create(ISSUER + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                        + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return browser;
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
