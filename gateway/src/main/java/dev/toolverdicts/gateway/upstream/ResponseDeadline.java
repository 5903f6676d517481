package dev.toolverdicts.gateway.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Bounds a whole upstream response (head and body) by one timeout, as the framework's read timeout does, without its
 * cost: that one cancels a CompletableFuture timer per request, which creates a CancellationException and a
 * CompletionException (with stack traces) even when the answer came in time. Here one shared timer thread holds a
 * plain scheduled task per request, cancelled without any exception. When it fires it interrupts the request's thread
 * (a virtual thread blocked in a socket read has its socket closed) and, once the head is in, aborts the body's
 * connection, so the read fails and the connection is discarded, never pooled again. Abort, not close: the pooled
 * client's close reads the rest of the body first, which would hold the shared timer thread.
 */
final class ResponseDeadline implements ClientHttpRequestFactory {

    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final ClientHttpRequestFactory delegate;
    private final Duration timeout;

    ResponseDeadline(ClientHttpRequestFactory delegate, Duration timeout) {
        this.delegate = delegate;
        this.timeout = timeout;
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "upstream-response-deadline");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    @Override
    public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
        return new TimedRequest(delegate.createRequest(uri, httpMethod), timeout);
    }

    private static InputStream bodyOf(ClientHttpResponse response) {
        try {
            return response.getBody();
        } catch (IOException e) {
            return InputStream.nullInputStream();
        }
    }

    /** Gives the response up: its connection is closed, not drained for reuse (a close would read the rest). */
    private static void abandon(ClientHttpResponse response) {
        InputStream body = bodyOf(response);
        try {
            if (body instanceof EofSensorInputStream pooled) {
                pooled.abort();
            } else {
                body.close();
            }
        } catch (IOException ignored) {
            // the exchange is given up either way
        }
    }

    /** One exchange's deadline: waiting for the head, reading the body, done, or expired. */
    private static final class Deadline {

        private enum State { HEAD, BODY, DONE, EXPIRED }

        private final Thread caller = Thread.currentThread();
        private State state = State.HEAD;
        private ClientHttpResponse response;
        private ScheduledFuture<?> task;

        void start(Duration timeout) {
            task = TIMER.schedule(this::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
        }

        private synchronized void expire() {
            if (state == State.HEAD || state == State.BODY) {
                // under the lock: once the caller has finished, no interrupt of this exchange can reach it
                caller.interrupt();
                if (state == State.BODY) {
                    abandon(response);
                }
                state = State.EXPIRED;
            }
        }


        /** True if the head came in time; otherwise the caller's interrupt is cleared and the response closed. */
        synchronized boolean headArrived(ClientHttpResponse arrived) {
            if (state == State.EXPIRED) {
                Thread.interrupted();
                return false;
            }
            state = State.BODY;
            response = arrived;
            return true;
        }

        /** After a failure while waiting for the head: whether the deadline caused it (its interrupt is cleared). */
        synchronized boolean expiredDuringHead() {
            if (state == State.EXPIRED) {
                Thread.interrupted();
                return true;
            }
            state = State.DONE;
            return false;
        }

        /** The caller is done with the response; an interrupt the deadline sent it is cleared. */
        synchronized void finish() {
            if (state == State.EXPIRED) {
                Thread.interrupted();
            }
            state = State.DONE;
        }

        void cancel() {
            task.cancel(false);
        }
    }

    private static final class TimedRequest implements ClientHttpRequest, StreamingHttpOutputMessage {

        private final ClientHttpRequest request;
        private final Duration timeout;

        TimedRequest(ClientHttpRequest request, Duration timeout) {
            this.request = request;
            this.timeout = timeout;
        }

        @Override
        public ClientHttpResponse execute() throws IOException {
            Deadline deadline = new Deadline();
            deadline.start(timeout);
            ClientHttpResponse response;
            try {
                response = request.execute();
            } catch (IOException | RuntimeException e) {
                deadline.cancel();
                if (deadline.expiredDuringHead()) {
                    throw timedOut(e);
                }
                throw e;
            }
            if (!deadline.headArrived(response)) {
                abandon(response);
                throw timedOut(null);
            }
            return new TimedResponse(response, deadline);
        }

        private HttpTimeoutException timedOut(Exception cause) {
            HttpTimeoutException timeout = new HttpTimeoutException("no whole response from " + getURI() + " within "
                    + this.timeout);
            if (cause != null) {
                timeout.initCause(cause);
            }
            return timeout;
        }

        @Override
        public void setBody(Body body) {
            ((StreamingHttpOutputMessage) request).setBody(body);
        }

        @Override
        public java.io.OutputStream getBody() throws IOException {
            return request.getBody();
        }

        @Override
        public HttpHeaders getHeaders() {
            return request.getHeaders();
        }

        @Override
        public HttpMethod getMethod() {
            return request.getMethod();
        }

        @Override
        public URI getURI() {
            return request.getURI();
        }

        @Override
        public java.util.Map<String, Object> getAttributes() {
            return request.getAttributes();
        }
    }

    private static final class TimedResponse implements ClientHttpResponse {

        private final ClientHttpResponse response;
        private final Deadline deadline;

        TimedResponse(ClientHttpResponse response, Deadline deadline) {
            this.response = response;
            this.deadline = deadline;
        }

        @Override
        public HttpStatusCode getStatusCode() throws IOException {
            return response.getStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return response.getStatusText();
        }

        @Override
        public HttpHeaders getHeaders() {
            return response.getHeaders();
        }

        @Override
        public InputStream getBody() throws IOException {
            return response.getBody();
        }

        @Override
        public void close() {
            deadline.cancel();
            deadline.finish();
            response.close();
        }
    }
}
