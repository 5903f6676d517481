package dev.toolverdicts.gateway.upstream;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.stereotype.Component;

/**
 * Which instance of a service a call goes to. The instances come from Spring Cloud's {@link DiscoveryClient}: in the
 * dev stack its static list ({@code spring.cloud.discovery.client.simple.instances.<service>[i].uri}, one entry per
 * instance); a service without one there (production) has the single {@code services.<name>.uri}, the Kubernetes
 * Service address that balances by itself. Calls take the instances in turn (round-robin); one that could not be
 * reached is left out for {@code gateway.upstreams.eject-for}, unless every instance is, and a retried read goes to
 * another instance than the one that failed.
 * <p>
 * Why not Gateway MVC's {@code lb()} filter with Spring Cloud LoadBalancer: it picks an instance once per request
 * before the route's filters run, so the read {@link UpstreamGuard} retries would go to the same dead instance, and a
 * dead instance keeps getting writes until an active health check (not on by default) drops it. The discovery side
 * is the same Spring Cloud abstraction, so a registry-backed {@code DiscoveryClient} would plug in unchanged.
 */
@Component
public class ServiceInstances {

    private final ObjectProvider<DiscoveryClient> discovery;
    private final Map<String, URI> configured;
    private final Duration ejectFor;
    private final Clock clock;
    private final Map<String, AtomicInteger> turns = new ConcurrentHashMap<>();
    private final Map<URI, Instant> ejected = new ConcurrentHashMap<>();
    private volatile Optional<DiscoveryClient> discoveryClient;

    ServiceInstances(ObjectProvider<DiscoveryClient> discovery, ServiceUris services, UpstreamProperties properties,
            Clock clock) {
        this.discovery = discovery;
        this.configured = configured(services);
        this.ejectFor = properties.ejectFor();
        this.clock = clock;
    }

    /** The next instance of the service to call. */
    public URI choose(String service) {
        List<URI> all = instances(service);
        if (all.size() == 1) {
            return all.getFirst();
        }
        int start = Math.floorMod(turns.computeIfAbsent(service, s -> new AtomicInteger()).getAndIncrement(),
                all.size());
        Instant now = clock.instant();
        for (int i = 0; i < all.size(); i++) {
            URI candidate = all.get((start + i) % all.size());
            if (!isEjected(candidate, now)) {
                return candidate;
            }
        }
        return all.get(start);
    }

    /** Another instance than {@code failed} for a retry, preferring one not left out; empty when there is none. */
    public Optional<URI> another(String service, URI failed) {
        List<URI> others = instances(service).stream().filter(uri -> !uri.equals(failed)).toList();
        Instant now = clock.instant();
        return others.stream().filter(uri -> !isEjected(uri, now)).findFirst().or(() -> others.stream().findFirst());
    }

    /** The instance could not be reached: leave it out for a while. */
    public void unreachable(URI instance) {
        ejected.put(instance, clock.instant().plus(ejectFor));
    }

    /** Every instance of the service, as discovery or configuration lists them. */
    public List<URI> instances(String service) {
        DiscoveryClient client = discoveryClient().orElse(null);
        if (client != null) {
            List<URI> found = client.getInstances(service).stream().map(ServiceInstance::getUri).toList();
            if (!found.isEmpty()) {
                return found;
            }
        }
        URI single = configured.get(service);
        if (single == null) {
            throw new IllegalArgumentException("no address configured for " + service);
        }
        return List.of(single);
    }

    // looked up on first use, not per call: the provider's lookup was ~3% of the gateway's CPU on a cached read
    private Optional<DiscoveryClient> discoveryClient() {
        Optional<DiscoveryClient> client = discoveryClient;
        if (client == null) {
            client = Optional.ofNullable(discovery.getIfAvailable());
            discoveryClient = client;
        }
        return client;
    }

    private boolean isEjected(URI instance, Instant now) {
        Instant until = ejected.get(instance);
        if (until == null) {
            return false;
        }
        if (now.isAfter(until)) {
            ejected.remove(instance, until);
            return false;
        }
        return true;
    }

    private static Map<String, URI> configured(ServiceUris services) {
        return Map.of("catalog-service", services.catalog().uri(), "comparison-service", services.comparison().uri(),
                "review-service", services.review().uri(), "vote-service", services.vote().uri(),
                "newsletter-service", services.newsletter().uri(), "web", services.web().uri(),
                "identity-service", services.identity().uri());
    }
}
