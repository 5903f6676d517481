package dev.toolverdicts.gateway.upstream;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the gateway waits for an upstream and when it stops asking ({@code gateway.upstreams}): connect and
 * response timeouts (default, and per route id), the circuit breaker that every upstream service gets, and how long
 * an instance that could not be reached is left out when the service has others ({@link ServiceInstances}).
 */
@ConfigurationProperties("gateway.upstreams")
public record UpstreamProperties(@DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration responseTimeout, @DefaultValue Map<String, Timeouts> routes,
        @DefaultValue CircuitBreaker circuitBreaker, @DefaultValue("5s") Duration ejectFor) {

    /** One route's own timeouts; either may be absent to keep the default. */
    public record Timeouts(Duration connectTimeout, Duration responseTimeout) {
    }

    /**
     * Opens when {@code failureRate} percent of the last {@code window} calls (at least {@code minimumCalls}) could
     * not reach the service; stays open {@code openFor}, then lets {@code halfOpenCalls} through to probe.
     */
    public record CircuitBreaker(@DefaultValue("50") float failureRate, @DefaultValue("10") int window,
            @DefaultValue("5") int minimumCalls, @DefaultValue("10s") Duration openFor,
            @DefaultValue("2") int halfOpenCalls) {
    }

    public Duration connectTimeout(String routeId) {
        Timeouts own = routes.get(routeId);
        return own != null && own.connectTimeout() != null ? own.connectTimeout() : connectTimeout;
    }

    public Duration responseTimeout(String routeId) {
        Timeouts own = routes.get(routeId);
        return own != null && own.responseTimeout() != null ? own.responseTimeout() : responseTimeout;
    }
}
