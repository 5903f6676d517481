package dev.toolverdicts.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.gateway.Eventually;
import dev.toolverdicts.gateway.GatewayClient;
import dev.toolverdicts.gateway.Upstreams;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A proxied call is observed once as the server request and once as the upstream call; the circuit breaker's own
 * observation around the same call (4% of the gateway's CPU on cached reads, in no dashboard) is off. Its state and
 * calls are still metered by Resilience4j.
 */
@WithPostgres
@WithJwtIssuer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProxyObservationsTest {

    private static final Upstreams UPSTREAMS = new Upstreams();

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
    void aProxiedReadIsObservedAsServerRequestAndUpstreamCallOnly() {
        assertThat(new GatewayClient(port).get("/api/comparisons/tools/t1").statusCode()).isEqualTo(200);

        // the server and client observations stop as the answer is written, so the client may see it first; the
        // breaker's own observation (when on) stops before the answer is written
        Eventually.within(Duration.ofSeconds(10), "http.server.requests and http.client.requests recorded",
                () -> !meters.find("http.server.requests").timers().isEmpty()
                        && !meters.find("http.client.requests").timers().isEmpty());
        assertThat(meters.find("spring.cloud.circuitbreaker").timers()).isEmpty();
    }
}
