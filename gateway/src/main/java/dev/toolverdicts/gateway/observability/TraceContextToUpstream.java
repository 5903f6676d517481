package dev.toolverdicts.gateway.observability;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * Sends the request's trace context (W3C traceparent, baggage) to the upstream service, so it joins the caller's
 * trace. The proxied call has no client observation of its own (RouteTimedProxyExchange): that one did this
 * propagation, at the price of a second span, timer and key-value set per request; the server request's span is the
 * parent the service sees. A traceparent the caller sent is replaced, as the client observation replaced it.
 */
@Component
class TraceContextToUpstream implements RequestHttpHeadersFilter {

    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;
    private volatile Tracer resolvedTracer;
    private volatile Propagator resolvedPropagator;

    TraceContextToUpstream(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public HttpHeaders apply(HttpHeaders input, ServerRequest request) {
        Tracer tracing = tracer();
        Propagator propagation = propagator();
        if (tracing == null || propagation == null) {
            return input;
        }
        TraceContext context = tracing.currentTraceContext().context();
        if (context == null) {
            return input;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        propagation.inject(context, headers, HttpHeaders::set);
        return headers;
    }

    // resolved on first use (the beans are singletons), not per request: a bean lookup costs more than the rest
    private Tracer tracer() {
        Tracer resolved = resolvedTracer;
        if (resolved == null) {
            resolved = tracer.getIfAvailable(() -> Tracer.NOOP);
            resolvedTracer = resolved;
        }
        return resolved == Tracer.NOOP ? null : resolved;
    }

    private Propagator propagator() {
        Propagator resolved = resolvedPropagator;
        if (resolved == null) {
            resolved = propagator.getIfAvailable(() -> Propagator.NOOP);
            resolvedPropagator = resolved;
        }
        return resolved == Propagator.NOOP ? null : resolved;
    }
}
