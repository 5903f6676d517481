package dev.toolverdicts.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.testsupport.TestJwts;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithPostgres;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway forwards each public path unchanged to the owning service, relays an API client's bearer token as it
 * came, keeps the API namespace closed, sends identity pages to identity's origin and hides its own admin endpoint.
 */
@WithPostgres
@WithJwtIssuer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutesTest {

    private static final Upstreams UPSTREAMS = new Upstreams();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        UPSTREAMS.properties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("services.identity.issuer", () -> "http://localhost:9000");
    }

    @AfterAll
    static void stopUpstreams() {
        UPSTREAMS.close();
    }

    private GatewayClient gateway() {
        return new GatewayClient(port);
    }

    @Test
    void eachApiPrefixGoesToItsService() {
        assertRoutedTo("/api/catalog/tools?x=1", "catalog");
        assertRoutedTo("/api/comparisons/tools/smolvlm-3b", "comparison");
        assertRoutedTo("/api/reviews/verdicts", "review");
        assertRoutedTo("/api/votes/tools/t1", "vote");
        assertRoutedTo("/api/newsletter/subscriptions", "newsletter");
        assertRoutedTo("/api/identity/registrations", "identity");
        assertRoutedTo("/tools/smolvlm-3b", "web");
        assertRoutedTo("/", "web");
    }

    @Test
    void anApiClientsBearerTokenReachesTheServiceUnchanged() {
        String token = TestJwts.token("user-42", "MEMBER");
        HttpResponse<String> response = gateway().send(gateway().request("/api/catalog/tools")
                .header("Authorization", "Bearer " + token)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(UPSTREAMS.get("catalog").last().authorization()).isEqualTo("Bearer " + token);
    }

    @Test
    void aBearerTokenTheIssuerDidNotSignIsRefusedAtTheDoor() {
        HttpResponse<String> response = gateway().send(gateway().request("/api/catalog/tools")
                .header("Authorization", "Bearer not-a-jwt").GET());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    /** The door checks what every service checks (RFC 9068 type and the API audience), whatever roles are claimed. */
    @Test
    void anIdTokenOrAnAccessTokenForAnotherAudienceIsRefusedAtTheDoorAndNeverRelayed() {
        for (String token : java.util.List.of(TestJwts.idToken("user-43", "ADMIN"),
                TestJwts.tokenFor("another-api", "user-44", "ADMIN"))) {
            HttpResponse<String> response = gateway().send(gateway().request("/api/catalog/tools")
                    .header("Authorization", "Bearer " + token)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(UPSTREAMS.get("catalog").seen())
                    .noneMatch(seen -> ("Bearer " + token).equals(seen.authorization()));
        }
    }

    @Test
    void aPageGoesOutGzippedToABrowserThatAcceptsIt() throws Exception {
        HttpResponse<byte[]> zipped = java.net.http.HttpClient.newHttpClient().send(gateway()
                .request("/tools/x" + Upstream.LARGE_PATH).header("Accept-Encoding", "gzip, deflate, br").GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(zipped.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).containsIgnoringCase("accept-encoding"));
        String page = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).startsWith("<html><body>web").endsWith("</body></html>");
        assertThat(zipped.body().length).isLessThan(page.length() / 4);

        HttpResponse<String> plain = gateway().get("/tools/x" + Upstream.LARGE_PATH);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body()).isEqualTo(page);
    }

    @Test
    void unknownApiPathsAreNotRouted() {
        assertThat(gateway().get("/api/elsewhere").statusCode()).isEqualTo(404);
    }

    @Test
    void loginStartsTheGatewaysOwnOauth2LoginWithPkce() {
        HttpResponse<String> login = gateway().get("/login");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValue("/oauth2/authorization/identity");

        HttpResponse<String> authorize = gateway().get("/oauth2/authorization/identity");
        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(authorize.headers().firstValue("Location").orElseThrow())
                .startsWith("http://localhost:9000/oauth2/authorize?")
                .contains("client_id=gateway", "code_challenge=", "code_challenge_method=S256", "scope=openid",
                        "redirect_uri=http://127.0.0.1:" + port + "/login/oauth2/code/identity");
    }

    @Test
    void identityPagesAreServedAtIdentitysOwnOrigin() {
        HttpResponse<String> register = gateway().get("/register");
        assertThat(register.statusCode()).isEqualTo(302);
        assertThat(register.headers().firstValue("Location")).hasValue("http://localhost:9000/register");
        assertThat(gateway().get("/verify?token=abc").headers().firstValue("Location"))
                .hasValue("http://localhost:9000/verify?token=abc");
    }

    @Test
    void theGatewayActuatorEndpointIsNeverExposed() {
        assertThat(gateway().get("/actuator/gateway/routes").statusCode()).isEqualTo(404);
        assertThat(gateway().get("/actuator/gateway").statusCode()).isEqualTo(404);
        assertThat(gateway().get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    private void assertRoutedTo(String path, String service) {
        HttpResponse<String> response = gateway().get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.body()).as(path).contains(service);
        assertThat(UPSTREAMS.get(service).last().uri()).isEqualTo(path);
    }
}
