package dev.toolverdicts.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.gateway.GatewayClient;
import dev.toolverdicts.gateway.Upstreams;
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

/** Writes on limited routes get 429 with Retry-After and problem+json once a client address or a user is over. */
@WithPostgres
@WithJwtIssuer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "gateway.rate-limits.rules[0].name=votes",
    "gateway.rate-limits.rules[0].paths[0]=/api/votes/**",
    "gateway.rate-limits.rules[0].methods[0]=POST",
    "gateway.rate-limits.rules[0].per-ip.capacity=3",
    "gateway.rate-limits.rules[0].per-ip.period=1h",
    "gateway.rate-limits.rules[0].per-user.capacity=2",
    "gateway.rate-limits.rules[0].per-user.period=1h",
    "gateway.rate-limits.rules[1].name=auth",
    "gateway.rate-limits.rules[1].paths[0]=/oauth2/**",
    "gateway.rate-limits.rules[1].per-ip.capacity=2",
    "gateway.rate-limits.rules[1].per-ip.period=1h"})
class RateLimitTest {

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
    void theFourthWriteFromOneAddressGets429WhileAnotherAddressStillPasses() {
        for (int i = 0; i < 3; i++) {
            assertThat(voteFrom("203.0.113.7", null).statusCode()).isEqualTo(201);
        }
        HttpResponse<String> refused = voteFrom("203.0.113.7", null);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"status\":429");

        assertThat(voteFrom("198.51.100.9", null).statusCode()).isEqualTo(201);
        assertThat(gateway().get("/api/votes/tools/t1").statusCode()).as("reads are not limited").isEqualTo(200);
    }

    @Test
    void oneUserIsLimitedAcrossAddresses() {
        String bearer = TestJwts.bearer("user-limited", "MEMBER");
        assertThat(voteFrom("192.0.2.1", bearer).statusCode()).isEqualTo(201);
        assertThat(voteFrom("192.0.2.2", bearer).statusCode()).isEqualTo(201);
        assertThat(voteFrom("192.0.2.3", bearer).statusCode()).isEqualTo(429);
        assertThat(voteFrom("192.0.2.3", TestJwts.bearer("someone-else", "MEMBER")).statusCode()).isEqualTo(201);
    }

    @Test
    void loginStartsAreLimitedPerAddress() {
        assertThat(loginFrom("192.0.2.50").statusCode()).isEqualTo(302);
        assertThat(loginFrom("192.0.2.50").statusCode()).isEqualTo(302);
        assertThat(loginFrom("192.0.2.50").statusCode()).isEqualTo(429);
    }

    private HttpResponse<String> voteFrom(String address, String bearer) {
        var request = gateway().request("/api/votes/tools/t1").header("X-Forwarded-For", address)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"verdict\":\"SHIP\"}"));
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        return gateway().send(request);
    }

    private HttpResponse<String> loginFrom(String address) {
        return gateway().send(gateway().request("/oauth2/authorization/identity")
                .header("X-Forwarded-For", address).GET());
    }
}
