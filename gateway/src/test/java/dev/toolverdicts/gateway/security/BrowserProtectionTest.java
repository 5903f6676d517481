package dev.toolverdicts.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.gateway.GatewayClient;
import dev.toolverdicts.gateway.Upstreams;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithPostgres;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What the gateway adds for browsers: CSRF on cookie-session writes, security headers, and a cap on body size. */
@WithPostgres
@WithJwtIssuer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserProtectionTest {

    private static final Upstreams UPSTREAMS = new Upstreams();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        UPSTREAMS.properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stopUpstreams() {
        UPSTREAMS.close();
    }

    private GatewayClient gateway() {
        return new GatewayClient(port);
    }

    @Test
    void aPageCarriesTheGatewaysSecurityHeadersAndTheCsrfCookie() {
        HttpResponse<String> page = gateway().get("/tools/smolvlm-3b");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Content-Security-Policy")).singleElement().asString()
                .startsWith("default-src 'self'; script-src 'self'; style-src 'self'")
                .contains("frame-ancestors 'none'", "form-action 'self' http://localhost:9000")
                .doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow().split(";\\s*"))
                .as("editor-supplied logos load from vendors' https hosts; nothing else leaves 'self'")
                .contains("img-src 'self' data: https:", "script-src 'self'", "connect-src 'self'",
                        "object-src 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).as("no HSTS on plain http").isEmpty();
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("XSRF-TOKEN=").doesNotContainIgnoringCase("HttpOnly"));
    }

    @Test
    void aCookieSessionWriteWithoutTheCsrfTokenIsRefused() {
        HttpResponse<String> response = gateway().send(gateway().request("/api/votes/tools/t1")
                .header("Cookie", "SESSION=c29tZS1zZXNzaW9u")
                .POST(HttpRequest.BodyPublishers.ofString("{\"verdict\":\"SHIP\"}")));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(UPSTREAMS.get("vote").seen()).noneMatch(seen -> seen.uri().equals("/api/votes/tools/t1"));
    }

    @Test
    void aCookieSessionWriteEchoingTheCsrfCookieInTheHeaderPassesWithoutTheSessionCookie() {
        HttpResponse<String> response = gateway().send(gateway().request("/api/votes/tools/t2")
                .header("Cookie", "SESSION=c29tZS1zZXNzaW9u; XSRF-TOKEN=f00d")
                .header("X-XSRF-TOKEN", "f00d")
                .POST(HttpRequest.BodyPublishers.ofString("{\"verdict\":\"SHIP\"}")));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(UPSTREAMS.get("vote").last().uri()).isEqualTo("/api/votes/tools/t2");
        assertThat(UPSTREAMS.get("vote").last().cookie()).isEqualTo("XSRF-TOKEN=f00d");
    }

    @Test
    void aPlainFormMayCarryTheCsrfTokenAsAField() {
        HttpResponse<String> response = gateway().send(gateway().request("/newsletter/subscribe")
                .header("Cookie", "SESSION=c29tZS1zZXNzaW9u; XSRF-TOKEN=beef")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=a%40example.org&_csrf=beef")));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(UPSTREAMS.get("web").last().uri()).isEqualTo("/newsletter/subscribe");
    }

    @Test
    void theButtonsOfTheNewslettersSignedLinksNeedNoCsrfTokenEvenWithASession() {
        for (String action : new String[] {"confirm", "unsubscribe"}) {
            String path = "/api/newsletter/subscriptions/" + action + "?token=signed";
            HttpResponse<String> response = gateway().send(gateway().request(path)
                    .header("Cookie", "SESSION=c29tZS1zZXNzaW9u")
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(response.statusCode()).as(action).isEqualTo(201);
            assertThat(UPSTREAMS.get("newsletter").last().uri()).isEqualTo(path);
        }
        HttpResponse<String> other = gateway().send(gateway().request("/api/newsletter/subscriptions")
                .header("Cookie", "SESSION=c29tZS1zZXNzaW9u")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"a@example.org\"}")));
        assertThat(other.statusCode()).as("other newsletter writes keep CSRF").isEqualTo(403);
    }

    @Test
    void aWriteWithoutAnySessionNeedsNoCsrfToken() {
        assertThat(gateway().post("/api/newsletter/subscriptions").statusCode()).isEqualTo(201);
    }

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedWith413() {
        HttpResponse<String> response = gateway().send(gateway().request("/api/catalog/tools")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[70 * 1024])));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":413");
    }

    @Test
    void aChunkedBodyGrowingOverTheLimitIsRefusedWith413() {
        HttpResponse<String> response = gateway().send(gateway().request("/api/catalog/tools")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[200 * 1024]))));
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void aChunkedBodyUnderTheLimitReachesTheServiceWhole() {
        HttpResponse<String> response = gateway().send(gateway().request("/api/catalog/tools")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[60 * 1024]))));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(UPSTREAMS.get("catalog").last().bodyLength()).isEqualTo(60 * 1024);
    }

    @Test
    void aBodyUnderTheLimitPasses() {
        HttpResponse<String> response = gateway().send(gateway().request("/api/catalog/tools")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[60 * 1024])));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(UPSTREAMS.get("catalog").last().bodyLength()).isEqualTo(60 * 1024);
    }
}
