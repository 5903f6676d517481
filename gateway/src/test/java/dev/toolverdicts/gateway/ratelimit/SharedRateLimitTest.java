package dev.toolverdicts.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.gateway.GatewayApplication;
import dev.toolverdicts.gateway.GatewayClient;
import dev.toolverdicts.gateway.Upstreams;
import dev.toolverdicts.testsupport.TestDatabase;
import dev.toolverdicts.testsupport.TestJwts;
import dev.toolverdicts.testsupport.TestPostgres;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two gateway instances on one database enforce one limit between them: a burst split over both is refused at the
 * configured total, an exhausted client stays refused after a restart, and neither a flood of other clients (more
 * than an instance keeps leases for) nor rotating addresses inside one IPv6 /64 gives an exhausted client new tokens.
 */
class SharedRateLimitTest {

    private static final int CAPACITY = 20;
    private static final int MAX_TRACKED_KEYS = 50;
    private static final Upstreams UPSTREAMS = new Upstreams();
    private static final TestDatabase DATABASE = TestPostgres.newDatabase("SharedRateLimitTest");

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoGateways() {
        first = gateway();
        second = gateway();
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
        UPSTREAMS.close();
    }

    @Test
    void aBurstSplitOverTwoGatewaysIsRefusedAtTheConfiguredTotalNotTwiceIt() throws Exception {
        List<Integer> statuses = burst("203.0.113.10", 2 * CAPACITY);

        assertThat(statuses.stream().filter(status -> status == 201).count()).isEqualTo(CAPACITY);
        assertThat(statuses.stream().filter(status -> status == 429).count()).isEqualTo(CAPACITY);
    }

    @Test
    void anExhaustedClientIsStillRefusedByARestartedGateway() {
        exhaust(client(first), "203.0.113.20");

        first.close();
        first = gateway();

        HttpResponse<String> refused = voteFrom(client(first), "203.0.113.20");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(voteFrom(client(second), "203.0.113.20").statusCode()).isEqualTo(429);
        assertThat(voteFrom(client(first), "203.0.113.21").statusCode()).isEqualTo(201);
    }

    @Test
    void moreClientsThanAGatewayTracksDoNotResetAnExhaustedOne() {
        GatewayClient gateway = client(second);
        exhaust(gateway, "203.0.113.30");

        for (int i = 0; i < 3 * MAX_TRACKED_KEYS; i++) {
            String rotating = "2001:db8:" + Integer.toHexString(0x1000 + i) + "::1";
            assertThat(voteFrom(gateway, rotating).statusCode()).as(rotating).isEqualTo(201);
        }

        assertThat(voteFrom(gateway, "203.0.113.30").statusCode()).isEqualTo(429);
        assertThat(voteFrom(client(first), "203.0.113.30").statusCode()).isEqualTo(429);
    }

    @Test
    void addressesInsideOneIpv6Slash64CountAsOneClient() {
        GatewayClient gateway = client(first);
        for (int i = 1; i <= CAPACITY; i++) {
            assertThat(voteFrom(gateway, "2001:db8:77:1::" + Integer.toHexString(i)).statusCode()).isEqualTo(201);
        }
        assertThat(voteFrom(gateway, "2001:db8:77:1:ffff::99").statusCode()).isEqualTo(429);
        assertThat(voteFrom(gateway, "2001:db8:77:2::1").statusCode()).as("the next /64").isEqualTo(201);
    }

    /** {@code requests} votes from one address, from 8 threads at once, alternating between the two gateways. */
    private static List<Integer> burst(String address, int requests) throws Exception {
        List<GatewayClient> gateways = List.of(client(first), client(second));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                GatewayClient gateway = gateways.get(i % 2);
                results.add(pool.submit(() -> voteFrom(gateway, address).statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void exhaust(GatewayClient gateway, String address) {
        for (int i = 0; i < CAPACITY; i++) {
            assertThat(voteFrom(gateway, address).statusCode()).isEqualTo(201);
        }
        assertThat(voteFrom(gateway, address).statusCode()).isEqualTo(429);
    }

    private static HttpResponse<String> voteFrom(GatewayClient gateway, String address) {
        return gateway.send(gateway.request("/api/votes/tools/t1").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString("{\"verdict\":\"SHIP\"}")));
    }

    private static GatewayClient client(ConfigurableApplicationContext gateway) {
        return new GatewayClient(gateway.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    private static ConfigurableApplicationContext gateway() {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "server.port", 0,
                "spring.datasource.url", DATABASE.url(),
                "spring.datasource.username", DATABASE.username(),
                "spring.datasource.password", DATABASE.password(),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestJwts.jwkSetUri(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", TestJwts.ISSUER));
        properties.putAll(Map.of(
                "gateway.rate-limits.rules[0].name", "votes",
                "gateway.rate-limits.rules[0].paths[0]", "/api/votes/**",
                "gateway.rate-limits.rules[0].methods[0]", "POST",
                "gateway.rate-limits.rules[0].per-ip.capacity", CAPACITY,
                "gateway.rate-limits.rules[0].per-ip.period", "1h",
                "gateway.rate-limits.max-tracked-keys", MAX_TRACKED_KEYS,
                "gateway.rate-limits.leases.share", 0.1,
                "gateway.rate-limits.leases.idle-after", "1m"));
        properties.putAll(UPSTREAMS.properties());
        // command-line arguments, so they win over application.yml as a test's own properties do
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(GatewayApplication.class).run(arguments);
    }
}
