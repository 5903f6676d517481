package dev.toolverdicts.gateway.observability;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.http.server.observation.ServerRequestObservationConvention;

/**
 * Adds a {@code route} tag to {@code http.server.requests}: the id of the gateway route that served the request
 * (catalog, comparisons, reviews, votes, newsletter, identity-api, web), {@code none} for what the gateway answered
 * itself (login pages, actuator, errors). Gives latency, traffic and errors per route from one meter.
 */
@Configuration(proxyBeanMethods = false)
class RouteTagObservation {

    static final String ROUTE = "route";

    @Bean
    ServerRequestObservationConvention routeTaggedServerRequestObservationConvention() {
        return new DefaultServerRequestObservationConvention() {
            @Override
            public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
                Object route = context.getCarrier() == null ? null
                        : context.getCarrier().getAttribute(MvcUtils.GATEWAY_ROUTE_ID_ATTR);
                return super.getLowCardinalityKeyValues(context)
                        .and(KeyValue.of(ROUTE, route == null ? "none" : route.toString()));
            }
        };
    }
}
