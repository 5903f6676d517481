package dev.toolverdicts.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.gateway.Eventually;
import dev.toolverdicts.gateway.GatewayClient;
import dev.toolverdicts.gateway.Upstream;
import dev.toolverdicts.gateway.Upstreams;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithPostgres;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An upstream that is down, silent or slow gets the caller a 503 problem+json naming it, with Retry-After, never a
 * 500; its circuit opens after repeated failures and closes again once it is back; reads are retried once, writes
 * never.
 */
@WithPostgres
@WithJwtIssuer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "gateway.upstreams.routes.catalog.response-timeout=1500ms",
    "gateway.upstreams.circuit-breaker.window=4",
    "gateway.upstreams.circuit-breaker.minimum-calls=3",
    "gateway.upstreams.circuit-breaker.open-for=4s",
    "gateway.upstreams.circuit-breaker.half-open-calls=1"})
class UpstreamFailureTest {

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
    void aServiceThatIsDownIs503ProblemJsonNamingItWithRetryAfter() {
        Upstream newsletter = UPSTREAMS.get("newsletter");
        newsletter.stop();
        try {
            HttpResponse<String> read = gateway().get("/api/newsletter/subscriptions");
            assertUnavailable(read, "newsletter-service");
            assertThat(read.body()).contains("\"title\":\"Service Unavailable\"", "\"detail\":\"The newsletter-service");
            assertUnavailable(gateway().post("/api/newsletter/subscriptions"), "newsletter-service");
        } finally {
            newsletter.restart();
        }
        Eventually.within(Duration.ofSeconds(10), "newsletter answers again",
                () -> gateway().get("/api/newsletter/subscriptions").statusCode() == 200);
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndClosesOnceTheServiceIsBack() {
        Upstream votes = UPSTREAMS.get("vote");
        votes.stop();
        for (int i = 0; i < 3; i++) {
            assertUnavailable(gateway().get("/api/votes/tools/t1"), "vote-service");
        }
        votes.restart();
        int seenBefore = votes.seen().size();
        HttpResponse<String> whileOpen = gateway().get("/api/votes/tools/t1");
        assertUnavailable(whileOpen, "vote-service");
        assertThat(whileOpen.body()).contains("unavailable right now");
        assertThat(votes.seen()).as("an open circuit sends nothing to the service").hasSize(seenBefore);

        Eventually.within(Duration.ofSeconds(10), "the circuit lets a probe through and closes",
                () -> gateway().get("/api/votes/tools/t1").statusCode() == 200);
        for (int i = 0; i < 5; i++) {
            assertThat(gateway().get("/api/votes/tools/t" + i).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aSlowReadIsGivenUpAfterItsRouteTimeoutAndTriedOnceMore() {
        Upstream catalog = UPSTREAMS.get("catalog");
        int before = catalog.seen().size();
        // the slow upstream would answer 200 in the end: a 503 means the gateway gave up on its route timeout
        HttpResponse<String> read = gateway().get("/api/catalog/tools" + Upstream.SLOW_PATH + "-read");
        assertUnavailable(read, "catalog-service");
        Eventually.within(Duration.ofSeconds(10), "the read was tried twice",
                () -> catalog.seen().size() - before == 2);
    }

    @Test
    void aSlowWriteIsGivenUpButNeverRetried() throws InterruptedException {
        Upstream catalog = UPSTREAMS.get("catalog");
        HttpResponse<String> write = gateway().send(gateway().request("/api/catalog/tools" + Upstream.SLOW_PATH + "-write")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertUnavailable(write, "catalog-service");
        Thread.sleep(Upstream.SLOW.toMillis());
        assertThat(catalog.seen()).filteredOn(seen -> seen.uri().endsWith(Upstream.SLOW_PATH + "-write")).hasSize(1);
    }

    @Test
    void aPageRequestWhileTheWebIsDownGetsTheBrandedPageThatRetriesItself() {
        Upstream web = UPSTREAMS.get("web");
        web.stop();
        try {
            HttpResponse<String> page = gateway().send(gateway().request("/tools/smolvlm-3b")
                    .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET());
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(page.headers().firstValue("Retry-After")).isPresent();
            assertThat(page.body()).contains("Tool Verdicts", "Temporarily unavailable", "http-equiv=\"refresh\"")
                    .doesNotContain("Tomcat", "Whitelabel");
        } finally {
            web.restart();
        }
    }

    private static void assertUnavailable(HttpResponse<String> response, String service) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(response.body()).contains("\"type\":\"https://toolverdicts.dev/problems/upstream-unavailable/"
                + service + "\"", "\"status\":503");
    }
}
