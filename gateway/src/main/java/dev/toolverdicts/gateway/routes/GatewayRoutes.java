package dev.toolverdicts.gateway.routes;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.routeId;
import static org.springframework.cloud.gateway.server.mvc.filter.TokenRelayFilterFunctions.tokenRelay;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.GET;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import dev.toolverdicts.gateway.live.LiveStreamHandler;
import dev.toolverdicts.gateway.upstream.ServiceUris;
import dev.toolverdicts.gateway.upstream.UpstreamGuard;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The routing table, in one ordered place: each public API prefix to its owning service, with the signed-in user's
 * access token relayed (a caller's own bearer token passes unchanged) and the service's circuit breaker in front,
 * which also picks the instance of the service each call goes to ({@link UpstreamGuard}; live streams are served by the gateway's own fan-out, {@link LiveStreamHandler}), identity pages to identity's origin, then
 * every other page to the web front end. The {@code /api} namespace is closed (an unknown API path is a 404, never a
 * web page), and so are {@code /actuator} (what is not exposed there does not fall through to the web) and the
 * servlet error page.
 */
@Configuration(proxyBeanMethods = false)
class GatewayRoutes {

    private static final List<String> GATEWAY_OWNED_PREFIXES = List.of("/api/", "/actuator/", "/login/", "/oauth2/");

    @Bean
    RouterFunction<ServerResponse> routingTable(ServiceUris services, UpstreamGuard guard,
            LiveStreamHandler liveStreams) {
        IdentityPages identityPages = new IdentityPages(services.identity().issuer());
        HandlerFilterFunction<ServerResponse, ServerResponse> comparison = guard.forService("comparison-service");
        return api("catalog", "/api/catalog/**", guard.forService("catalog-service"))
                .and(RouterFunctions.route(GET("/api/comparisons/tools/{slug}/stream")
                        .or(GET("/api/comparisons/matchups/{slug}/stream")), liveStreams::handle))
                .and(api("comparisons", "/api/comparisons/**", comparison))
                .and(api("reviews", "/api/reviews/**", guard.forService("review-service")))
                .and(api("votes", "/api/votes/**", guard.forService("vote-service")))
                .and(api("newsletter", "/api/newsletter/**", guard.forService("newsletter-service")))
                .and(route("identity-api")
                        .route(path("/api/identity/**"), http())
                        .before(routeId("identity-api"))
                        .filter(guard.forService("identity-service"))
                        .build())
                .and(RouterFunctions.route()
                        .GET("/login", identityPages::login)
                        .GET("/register", identityPages::atIdentity)
                        .GET("/register/sent", identityPages::atIdentity)
                        .GET("/verify", identityPages::atIdentity)
                        .build())
                .and(route("web")
                        .route(notGatewayOwned(), http())
                        .before(routeId("web"))
                        .filter(guard.forService("web"))
                        .filter(tokenRelay())
                        .build());
    }

    // routeId(...) keeps the route's id on the request while it is handled: the "route" tag of http.server.requests
    private static RouterFunction<ServerResponse> api(String id, String pattern,
            HandlerFilterFunction<ServerResponse, ServerResponse> guard) {
        return route(id).route(path(pattern), http()).before(routeId(id)).filter(guard)
                .filter(tokenRelay()).build();
    }

    private static RequestPredicate notGatewayOwned() {
        return request -> GATEWAY_OWNED_PREFIXES.stream().noneMatch(prefix -> request.path().startsWith(prefix))
                && !List.of("/api", "/actuator", "/error").contains(request.path());
    }
}
