package dev.toolverdicts.gateway.open;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.routeId;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import dev.toolverdicts.gateway.upstream.UpstreamGuard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The routes of what other sites embed and readers subscribe to: badges, share cards and feeds, all anonymous
 * (no token is relayed: the answer is the same for everyone, so any cache may keep it). Comparison-service renders
 * them from its views; the newsletter archive feed is newsletter-service's. The guard picks the instance. Ordered before the routing table, whose
 * last route sends every other path to the web front end.
 */
@Configuration(proxyBeanMethods = false)
class OpenPlatformRoutes {

    static final String NEWSLETTER_FEED = "/feeds/newsletter.atom";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> openPlatform(UpstreamGuard guard) {
        return route("newsletter-feed")
                .route(path(NEWSLETTER_FEED), http())
                .before(routeId("newsletter-feed"))
                .filter(guard.forService("newsletter-service"))
                .build()
                .and(route("open-platform")
                        .route(path("/badges/**").or(path("/cards/**")).or(path("/feeds/**")), http())
                        .before(routeId("open-platform"))
                        .filter(guard.forService("comparison-service"))
                        .build());
    }
}
