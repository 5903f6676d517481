package dev.toolverdicts.gateway.live;

import dev.toolverdicts.gateway.problem.ProblemResponses;
import dev.toolverdicts.gateway.upstream.UpstreamGuard;
import dev.toolverdicts.gateway.upstream.UpstreamProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the live-stream fan-out: one {@link LiveViews} per gateway instance towards the comparison service (each
 * subscription at the instance {@link dev.toolverdicts.gateway.upstream.UpstreamGuard} chose for it), the admission
 * bounds, and gauges of what is held ({@code gateway.live.streams} readers, {@code gateway.live.upstreams}
 * upstream subscriptions). Refuses to start with a total bound that would leave ordinary requests too few
 * of the server's connections, or that the heap cannot hold ({@link StreamBudget}).
 */
@Configuration(proxyBeanMethods = false)
class LiveStreamConfig {

    @Bean(destroyMethod = "close")
    LiveViews liveViews(UpstreamProperties upstreams, LiveStreamProperties properties, MeterRegistry meters) {
        LiveViews views = new LiveViews(upstreams.connectTimeout(LiveStreamHandler.ROUTE_ID),
                properties.upstreamResponseTimeout(),
                properties.heartbeat());
        Gauge.builder("gateway.live.streams", views, LiveViews::listeners)
                .description("live-page readers held by this gateway instance").register(meters);
        Gauge.builder("gateway.live.upstreams", views, LiveViews::upstreamSubscriptions)
                .description("upstream stream subscriptions of this gateway instance (one per view read)")
                .register(meters);
        return views;
    }

    @Bean
    LiveStreamHandler liveStreamHandler(LiveViews views, LiveStreamProperties properties, UpstreamGuard guard,
            ProblemResponses problems, @Value("${server.tomcat.max-connections:8192}") int maxConnections) {
        new StreamBudget(properties.maxTotal(), maxConnections, properties.heapPerStream(),
                Runtime.getRuntime().maxMemory()).check();
        return new LiveStreamHandler(views, new StreamAdmission(properties.maxPerAddress(), properties.maxTotal()),
                properties, guard, problems);
    }
}
