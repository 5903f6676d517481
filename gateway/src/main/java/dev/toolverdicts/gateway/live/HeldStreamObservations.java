package dev.toolverdicts.gateway.live;

import io.micrometer.observation.ObservationPredicate;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Held live streams are not observed as requests: each would keep an {@code http.server.requests} observation, its
 * trace span (with an event per security filter) and an active long-task sample open for as long as the page stays
 * open, which at 10,000 readers was tens of MB of heap and a scrape that sorts 10,000 samples. The streams are counted
 * by {@code gateway.live.streams} instead, and refusals (429, 503, 404) still show in the gateway's logs and gauges.
 */
@Configuration(proxyBeanMethods = false)
class HeldStreamObservations {

    private static final Pattern STREAM = Pattern.compile("/api/comparisons/(tools|matchups)/[^/]+/stream");

    @Bean
    ObservationPredicate noRequestObservationForHeldStreams() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier() != null && STREAM.matcher(request.getCarrier().getRequestURI()).matches());
    }
}
