package dev.toolverdicts.gateway.live;

import dev.toolverdicts.gateway.problem.ProblemResponses;
import dev.toolverdicts.gateway.upstream.UpstreamGuard;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves {@code GET /api/comparisons/{tools|matchups}/{slug}/stream} at the gateway: admits the reader within the
 * per-address and total bounds (429 or 503 problem beyond), joins it to this instance's one upstream subscription
 * of that view (opened through the comparison service's circuit breaker), and streams to it asynchronously, so a
 * held stream costs neither a request thread nor an upstream connection of its own.
 */
public final class LiveStreamHandler {

    public static final String ROUTE_ID = "comparison-streams";
    private static final String SERVICE = "comparison-service";

    private final LiveViews views;
    private final StreamAdmission admission;
    private final LiveStreamProperties properties;
    private final UpstreamGuard guard;
    private final ProblemResponses problems;

    LiveStreamHandler(LiveViews views, StreamAdmission admission, LiveStreamProperties properties,
            UpstreamGuard guard, ProblemResponses problems) {
        this.views = views;
        this.admission = admission;
        this.properties = properties;
        this.guard = guard;
        this.problems = problems;
    }

    public ServerResponse handle(ServerRequest request) {
        MvcUtils.setRouteId(request, ROUTE_ID);
        String address = request.servletRequest().getRemoteAddr();
        StreamAdmission.Admission admitted = admission.admit(address);
        if (admitted.ticket() == null) {
            return refused(request, admitted.refusal());
        }
        StreamAdmission.Ticket ticket = admitted.ticket();
        AtomicBoolean streaming = new AtomicBoolean();
        try {
            return guard.run(SERVICE, request, r -> open(r, ticket, streaming));
        } finally {
            if (!streaming.get()) {
                ticket.release();
            }
        }
    }

    private ServerResponse open(ServerRequest request, StreamAdmission.Ticket ticket, AtomicBoolean streaming) {
        LiveViews.Opened opened;
        try {
            opened = views.open(UpstreamGuard.instance(request), request.path());
        } catch (IOException unreachable) {
            throw new ResourceAccessException("live stream upstream unreachable: " + unreachable, unreachable);
        }
        if (opened.refusal() != null) {
            LiveViews.Refusal refusal = opened.refusal();
            ServerResponse.BodyBuilder builder = ServerResponse.status(refusal.status());
            if (!refusal.contentType().isEmpty()) {
                builder.header(HttpHeaders.CONTENT_TYPE, refusal.contentType());
            }
            return builder.body(refusal.body());
        }
        LiveViews.View view = opened.view();
        streaming.set(true);
        return ServerResponse.ok().contentType(MediaType.TEXT_EVENT_STREAM)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                // the stream ends with its connection (EventSource reconnects on a new one), so it needs no chunked
                // framing: Tomcat then writes each frame as it is, one buffer copy and one syscall per reader less
                .header(HttpHeaders.CONNECTION, "close")
                .build((servletRequest, servletResponse) -> {
                    try {
                        LiveReader.hold(servletRequest, servletResponse, properties.maxAge(), view, ticket::release);
                    } catch (Exception | Error failed) {
                        ticket.release();
                        view.release();
                        throw failed;
                    }
                    return null;
                });
    }

    private ServerResponse refused(ServerRequest request, StreamAdmission.Refusal refusal) {
        boolean address = refusal == StreamAdmission.Refusal.ADDRESS_FULL;
        ProblemDetail problem = ProblemResponses.problem(address ? HttpStatus.TOO_MANY_REQUESTS
                : HttpStatus.SERVICE_UNAVAILABLE, address ? "too-many-streams" : "streams-full",
                address ? "This address holds " + properties.maxPerAddress() + " live streams already; close one first."
                        : "The gateway holds as many live streams as it takes; try again shortly.",
                request.path());
        return problems.answer(request, problem, properties.retryAfter());
    }
}
