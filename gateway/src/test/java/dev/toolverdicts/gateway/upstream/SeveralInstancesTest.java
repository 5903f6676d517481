package dev.toolverdicts.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.gateway.GatewayClient;
import dev.toolverdicts.gateway.Upstream;
import dev.toolverdicts.gateway.Upstreams;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithPostgres;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service with several instances (the dev stack's static discovery list): calls take them in turn, a read to an
 * instance that is down is retried on another, and a write is never retried but the dead instance gets no more
 * calls for a while, so at most one write fails where the service as a whole is up.
 */
@WithPostgres
@WithJwtIssuer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "gateway.upstreams.connect-timeout=500ms",
    "gateway.upstreams.eject-for=1m"})
class SeveralInstancesTest {

    private static final Upstreams UPSTREAMS = new Upstreams();
    private static final Map<String, Upstream> SECOND = Map.of(
            "catalog-service", Upstream.start("catalog-2"),
            "review-service", Upstream.start("review-2"),
            "newsletter-service", Upstream.start("newsletter-2"));

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        UPSTREAMS.properties().forEach((name, value) -> registry.add(name, () -> value));
        SECOND.forEach((service, second) -> {
            String first = UPSTREAMS.get(service.replace("-service", "")).uri();
            String prefix = "spring.cloud.discovery.client.simple.instances." + service;
            registry.add(prefix + "[0].uri", () -> first);
            registry.add(prefix + "[1].uri", second::uri);
        });
    }

    @AfterAll
    static void stopUpstreams() {
        UPSTREAMS.close();
        SECOND.values().forEach(Upstream::close);
    }

    private GatewayClient gateway() {
        return new GatewayClient(port);
    }

    @Test
    void callsTakeTheInstancesInTurn() {
        Upstream first = UPSTREAMS.get("catalog");
        Upstream second = SECOND.get("catalog-service");
        int firstBefore = first.seen().size();
        int secondBefore = second.seen().size();

        List<String> servedBy = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> read = gateway().get("/api/catalog/tools/t" + i);
            assertThat(read.statusCode()).isEqualTo(200);
            servedBy.add(read.body().contains("catalog-2") ? "second" : "first");
        }

        assertThat(servedBy).containsExactly("first", "second", "first", "second", "first", "second");
        assertThat(first.seen().size() - firstBefore).isEqualTo(3);
        assertThat(second.seen().size() - secondBefore).isEqualTo(3);
    }

    @Test
    void aReadToAnInstanceThatIsDownIsRetriedOnTheOther() {
        Upstream first = UPSTREAMS.get("review");
        SECOND.get("review-service").stop();
        try {
            int before = first.seen().size();
            for (int i = 0; i < 4; i++) {
                HttpResponse<String> read = gateway().get("/api/reviews/tools/t" + i);
                assertThat(read.statusCode()).as("read %d", i).isEqualTo(200);
                assertThat(read.body()).contains("review").doesNotContain("review-2");
            }
            assertThat(first.seen().size() - before).isEqualTo(4);
        } finally {
            SECOND.get("review-service").restart();
        }
    }

    @Test
    void aWriteIsNeverRetriedButTheDeadInstanceGetsNoMoreCalls() {
        Upstream first = UPSTREAMS.get("newsletter");
        Upstream second = SECOND.get("newsletter-service");
        second.stop();
        try {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                statuses.add(gateway().post("/api/newsletter/subscriptions").statusCode());
            }
            assertThat(statuses).as("at most the first write to the dead instance fails, as a 503")
                    .containsOnly(201, 503)
                    .filteredOn(status -> status == 503).hasSizeLessThanOrEqualTo(1);
            assertThat(first.seen()).filteredOn(seen -> seen.method().equals("POST"))
                    .hasSize((int) statuses.stream().filter(status -> status == 201).count());
        } finally {
            second.restart();
        }
    }
}
