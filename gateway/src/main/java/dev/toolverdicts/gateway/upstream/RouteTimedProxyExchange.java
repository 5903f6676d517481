package dev.toolverdicts.gateway.upstream;

import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.cloud.gateway.server.mvc.handler.RestClientProxyExchange;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Proxies each route through an HTTP client with that route's own connect and response timeouts (replacing the
 * framework's single client without any), so a slow or silent upstream costs a bounded wait, never a hang.
 * The response timeout bounds the whole response (head and body); a route with a zero timeout (live streams) has none.
 * The proxied call is not observed again: the server request's observation (route and status tags) covers it.
 */
@Component
class RouteTimedProxyExchange implements ProxyExchange {

    private static final String NO_ROUTE = "";

    private final UpstreamProperties properties;
    private final GatewayMvcProperties gateway;
    private final ObjectProvider<RestClient.Builder> builders;
    private final Map<String, RestClientProxyExchange> byRoute = new ConcurrentHashMap<>();

    RouteTimedProxyExchange(UpstreamProperties properties, GatewayMvcProperties gateway,
            ObjectProvider<RestClient.Builder> builders) {
        this.properties = properties;
        this.gateway = gateway;
        this.builders = builders;
    }

    @Override
    public ServerResponse exchange(Request request) {
        String routeId = routeId(request.getServerRequest());
        return byRoute.computeIfAbsent(routeId, this::exchangeFor).exchange(request);
    }

    private RestClientProxyExchange exchangeFor(String routeId) {
        ClientHttpRequestFactory factory = requestFactory(properties.connectTimeout(routeId),
                properties.responseTimeout(routeId));
        // no observation of its own: the server request's observation already times this call, and the trace
        // context goes to the service by observability.TraceContextToUpstream (a second span and timer per request
        // cost ~10% of the gateway's CPU on cached reads)
        return new RestClientProxyExchange(builders.getObject().requestFactory(factory)
                .observationRegistry(ObservationRegistry.NOOP).build(), gateway);
    }

    /** The HTTP client of one route; a zero response timeout means none. */
    static ClientHttpRequestFactory requestFactory(Duration connectTimeout, Duration responseTimeout) {
        // each read waits at most the whole timeout (a platform thread, which the deadline's interrupt does not
        // stop in a socket read, is bounded by that); the deadline bounds the whole response on virtual threads
        ClientHttpRequestFactory factory = PooledUpstreamClient.requestFactory(connectTimeout, responseTimeout);
        return responseTimeout.isZero() ? factory : new ResponseDeadline(factory, responseTimeout);
    }

    private static String routeId(ServerRequest request) {
        Object id = MvcUtils.getAttribute(request, MvcUtils.GATEWAY_ROUTE_ID_ATTR);
        return id == null ? NO_ROUTE : id.toString();
    }
}
