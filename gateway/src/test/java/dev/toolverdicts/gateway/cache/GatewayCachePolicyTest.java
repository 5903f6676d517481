package dev.toolverdicts.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.gateway.GatewayClient;
import dev.toolverdicts.gateway.Upstream;
import dev.toolverdicts.gateway.Upstreams;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithPostgres;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The door keeps a service's cache policy for anonymous readers, so a shared cache in front of the gateway can serve
 * them, and makes anything answered to a browser with a session private: a cache must never hand one reader's
 * answer (or cookie) to another.
 */
@WithPostgres
@WithJwtIssuer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayCachePolicyTest {

    private static final Upstreams UPSTREAMS = new Upstreams();
    private static final String READ = "/api/comparisons/tools/t1" + Upstream.PUBLIC_JSON_PATH;

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
    void anAnonymousApiReadKeepsTheServicesPublicPolicyAndSetsNoCookie() {
        HttpResponse<String> response = gateway().get(READ);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Cache-Control")).containsExactly(Upstream.PUBLIC_CACHE_CONTROL);
        assertThat(response.headers().allValues("Set-Cookie")).as("no fresh XSRF-TOKEN a shared cache could keep")
                .isEmpty();
        assertThat(varyOf(response)).contains("Accept", "Authorization");
    }

    @Test
    void aReadWithASessionCookieIsPrivateAndVariesByCookie() {
        HttpResponse<String> response = gateway().send(gateway().request(READ)
                .header("Cookie", "SESSION=c29tZS1zZXNzaW9u"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Cache-Control")).singleElement().asString()
                .startsWith("private").doesNotContain("public");
        assertThat(varyOf(response)).contains("Cookie", "Authorization");
    }

    @Test
    void aPageForAnAnonymousReaderStillGetsTheCsrfCookieItsFormsNeed() {
        HttpResponse<String> page = gateway().get("/tools/smolvlm-3b");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("XSRF-TOKEN="));
        assertThat(String.join(",", page.headers().allValues("Cache-Control"))).contains("no-store");
    }

    private static List<String> varyOf(HttpResponse<String> response) {
        return response.headers().allValues("Vary").stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim).toList();
    }
}
