package dev.toolverdicts.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;

/** An instance that could not be reached is left out for {@code eject-for} by the app's clock, not the system's. */
class ServiceInstancesTest {

    private static final URI FIRST = URI.create("http://127.0.0.1:18081");
    private static final URI SECOND = URI.create("http://127.0.0.1:28081");

    private final StepClock clock = new StepClock(Instant.parse("2026-12-03T12:00:00Z"));
    private final ServiceInstances instances = new ServiceInstances(discoveryOf(FIRST, SECOND), uris(),
            new UpstreamProperties(Duration.ofSeconds(2), Duration.ofSeconds(10), Map.of(),
                    new UpstreamProperties.CircuitBreaker(50, 10, 5, Duration.ofSeconds(10), 2), Duration.ofSeconds(5)),
            clock);

    @Test
    void anUnreachableInstanceIsLeftOutUntilTheAppsClockPassesEjectFor() {
        instances.unreachable(FIRST);

        assertThat(choices(4)).containsOnly(SECOND);
        assertThat(instances.another("catalog-service", SECOND)).contains(FIRST);

        clock.advance(Duration.ofSeconds(4));
        assertThat(choices(4)).containsOnly(SECOND);

        clock.advance(Duration.ofSeconds(2));
        assertThat(choices(4)).containsExactlyInAnyOrder(FIRST, FIRST, SECOND, SECOND);
    }

    private List<URI> choices(int count) {
        return IntStream.range(0, count).mapToObj(i -> instances.choose("catalog-service")).toList();
    }

    private static org.springframework.beans.factory.ObjectProvider<DiscoveryClient> discoveryOf(URI... uris) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("discovery", new DiscoveryClient() {
            @Override
            public String description() {
                return "two catalog instances";
            }

            @Override
            public List<ServiceInstance> getInstances(String serviceId) {
                return IntStream.range(0, uris.length).<ServiceInstance>mapToObj(i -> new DefaultServiceInstance(
                        serviceId + "-" + i, serviceId, uris[i].getHost(), uris[i].getPort(), false)).toList();
            }

            @Override
            public List<String> getServices() {
                return List.of("catalog-service");
            }
        });
        return beans.getBeanProvider(DiscoveryClient.class);
    }

    private static ServiceUris uris() {
        ServiceUris.Service any = new ServiceUris.Service(URI.create("http://127.0.0.1:1"));
        return new ServiceUris(any, any, any, any, any, any,
                new ServiceUris.Identity(URI.create("http://127.0.0.1:9000"), URI.create("http://localhost:9000")));
    }

    /** A clock that moves only when the test moves it. */
    private static final class StepClock extends Clock {

        private Instant now;

        StepClock(Instant start) {
            this.now = start;
        }

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
