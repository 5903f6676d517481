package dev.toolverdicts.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.gateway.Eventually;
import dev.toolverdicts.gateway.GatewayClient;
import dev.toolverdicts.gateway.Upstreams;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A proxied call is observed once, as the server request (route and status tags: the gateway's latency, traffic and
 * errors per route); the upstream call inside it has no observation of its own (its http.client.requests and the
 * circuit breaker's spring.cloud.circuitbreaker timed the same thing again: ~10% of the gateway's CPU on cached
 * reads). The service still joins the caller's trace: the gateway sends it the request's trace context.
 */
@WithPostgres
@WithJwtIssuer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProxyObservationsTest {

    private static final Upstreams UPSTREAMS = new Upstreams();
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        UPSTREAMS.properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stopUpstreams() {
        UPSTREAMS.close();
    }

    @Test
    void aProxiedReadIsObservedOnceAsTheServerRequest() {
        assertThat(new GatewayClient(port).get("/api/comparisons/tools/t1").statusCode()).isEqualTo(200);

        // the server observation stops as the answer is written, so the client may see the answer first
        Eventually.within(Duration.ofSeconds(10), "http.server.requests of the comparisons route recorded",
                () -> meters.find("http.server.requests").tag("route", "comparisons").timer() != null);
        assertThat(meters.find("http.client.requests").timers()).isEmpty();
        assertThat(meters.find("spring.cloud.circuitbreaker").timers()).isEmpty();
    }

    @Test
    void theServiceJoinsTheCallersTrace() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/catalog/tools/traced"))
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);

        String sent = UPSTREAMS.get("catalog").last().traceparent();
        assertThat(sent).as("traceparent the service got").startsWith("00-" + TRACE_ID + "-")
                .doesNotContain("00f067aa0ba902b7");
    }
}
