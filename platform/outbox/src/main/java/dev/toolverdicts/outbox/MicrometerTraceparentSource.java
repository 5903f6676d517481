package dev.toolverdicts.outbox;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Reads the current span's context through Micrometer Tracing and renders it with the service's own propagator
 * (W3C by default, {@code management.tracing.propagation.produce}), keeping only the {@code traceparent} header.
 * The tracer is looked up on first use, so the outbox does not depend on the order of auto-configurations; a
 * service without a tracer (or with a non-W3C propagation) appends without a trace.
 */
final class MicrometerTraceparentSource implements TraceparentSource {

    private final ObjectProvider<Tracer> tracers;
    private final ObjectProvider<Propagator> propagators;
    private volatile Resolved resolved;

    private record Resolved(Tracer tracer, Propagator propagator) {
    }

    MicrometerTraceparentSource(ObjectProvider<Tracer> tracers, ObjectProvider<Propagator> propagators) {
        this.tracers = tracers;
        this.propagators = propagators;
    }

    @Override
    public String current() {
        Resolved tracing = resolve();
        if (tracing.tracer() == null || tracing.propagator() == null) {
            return null;
        }
        TraceContext context = tracing.tracer().currentTraceContext().context();
        if (context == null) {
            return null;
        }
        Map<String, String> headers = new HashMap<>(4);
        tracing.propagator().inject(context, headers, Map::put);
        return headers.get(CloudEventRecords.TRACEPARENT);
    }

    private Resolved resolve() {
        Resolved current = resolved;
        if (current == null) {
            current = new Resolved(tracers.getIfUnique(), propagators.getIfUnique());
            resolved = current;
        }
        return current;
    }
}
