package dev.toolverdicts.gateway.upstream;

import dev.toolverdicts.gateway.problem.ProblemResponses;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.catalina.connector.ClientAbortException;
import org.apache.coyote.BadRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Fails well when a service cannot be reached: each upstream has a circuit breaker (Spring Cloud CircuitBreaker on
 * Resilience4j) that counts connections refused and timeouts; each call goes to the instance
 * {@link ServiceInstances} chooses; an idempotent read is tried once more, on another instance when the service has
 * several, before it counts as failed, a write never (it may have reached the service); and the caller gets
 * {@code 503} problem+json naming the service, with {@code Retry-After}, instead of a 500.
 */
@Component
public class UpstreamGuard {

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamGuard.class);

    private final CircuitBreakerFactory<?, ?> breakers;
    private final ServiceInstances instances;
    private final ProblemResponses problems;
    private final Duration retryAfter;
    private final Map<String, CircuitBreaker> byService = new ConcurrentHashMap<>();

    UpstreamGuard(CircuitBreakerFactory<?, ?> breakers, ServiceInstances instances, ProblemResponses problems,
            UpstreamProperties properties) {
        this.breakers = breakers;
        this.instances = instances;
        this.problems = problems;
        this.retryAfter = properties.circuitBreaker().openFor();
    }

    /** The filter for every route to {@code service} (its name as the problem type shows it, e.g. vote-service). */
    public HandlerFilterFunction<ServerResponse, ServerResponse> forService(String service) {
        return (request, next) -> run(service, request, next);
    }

    /**
     * Calls {@code next} through the service's circuit breaker, with the request bound for the instance chosen
     * ({@link #instance}); a failure to reach it is answered 503.
     */
    public ServerResponse run(String service, ServerRequest request, HandlerFunction<ServerResponse> next) {
        // the factory builds a new wrapper (and looks its configuration up) on every create; the state is in the
        // shared Resilience4j registry either way, so one wrapper per service is the same breaker
        CircuitBreaker breaker = byService.computeIfAbsent(service, breakers::create);
        return breaker.run(() -> call(service, request, next), failure -> answer(request, service, failure));
    }

    /** The service instance this request is bound for, as {@link #run} chose it. */
    public static URI instance(ServerRequest request) {
        return MvcUtils.getAttribute(request, MvcUtils.GATEWAY_REQUEST_URL_ATTR);
    }

    private ServerResponse call(String service, ServerRequest request, HandlerFunction<ServerResponse> next) {
        URI first = instances.choose(service);
        try {
            return attempt(first, request, next);
        } catch (ResourceAccessException unreachable) {
            if (!idempotent(request.method())) {
                throw unreachable;
            }
            return attempt(instances.another(service, first).orElse(first), request, next);
        }
    }

    private ServerResponse attempt(URI instance, ServerRequest request, HandlerFunction<ServerResponse> next) {
        MvcUtils.setRequestUrl(request, instance);
        try {
            return next.handle(request);
        } catch (ResourceAccessException failure) {
            if (unreachable(failure)) {
                instances.unreachable(instance);
            }
            throw failure;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ServerResponse answer(ServerRequest request, String service, Throwable failure) {
        if (failure instanceof CallNotPermittedException) {
            return unavailable(request, service, "The " + service + " is unavailable right now; try again shortly.");
        }
        if (unreachable(failure)) {
            LOG.warn("{} unreachable for {} {}: {}", service, request.method(), request.path(), failure.toString());
            return unavailable(request, service, "The " + service + " did not answer in time; try again shortly.");
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(failure);
    }

    private ServerResponse unavailable(ServerRequest request, String service, String detail) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE,
                "upstream-unavailable/" + service, detail, request.path());
        problem.setProperty("service", service);
        return problems.answer(request, problem, retryAfter);
    }

    /**
     * What the breaker counts as the service failing: it could not be reached, did not answer in time or dropped the
     * connection; not the caller's own fault on the way (a malformed body, a client that went away; a body over the
     * limit never gets this far: platform/service-defaults' BodySizeLimit refuses it before the route).
     */
    static boolean unreachable(Throwable failure) {
        if (!(failure instanceof ResourceAccessException)) {
            return false;
        }
        for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ClientAbortException || t instanceof BadRequestException) {
                return false;
            }
        }
        return true;
    }

    private static boolean idempotent(HttpMethod method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method);
    }
}
