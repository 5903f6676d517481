package dev.toolverdicts.gateway.live;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.context.request.async.WebAsyncUtils;

/**
 * One reader's held stream: the request is put in async mode (Spring's {@link DeferredResult}, as its own SSE
 * responses do), and frames already encoded for the whole view are written straight to the response's output stream.
 * Writes are serialized; whichever way the stream ends (write failure, upstream end, age, container error), the reader
 * leaves its view and gives back its admission ticket exactly once, and the request is completed so the container
 * frees the connection at once.
 */
final class LiveReader implements LiveViews.Listener {

    private final ServletOutputStream out;
    private final DeferredResult<Object> held;
    private final LiveViews.View view;
    private final Runnable releaseTicket;
    private final AtomicBoolean gone = new AtomicBoolean();
    private volatile long lastWrite = System.nanoTime();

    private LiveReader(ServletOutputStream out, DeferredResult<Object> held, LiveViews.View view,
            Runnable releaseTicket) {
        this.out = out;
        this.held = held;
        this.view = view;
        this.releaseTicket = releaseTicket;
    }

    /** Starts async processing of the request (its head already set), sends the head, and joins the view. */
    static void hold(HttpServletRequest request, HttpServletResponse response, Duration maxAge, LiveViews.View view,
            Runnable releaseTicket) throws Exception {
        DeferredResult<Object> held = new DeferredResult<>(maxAge.toMillis());
        LiveReader reader = new LiveReader(containerResponse(response).getOutputStream(), held, view, releaseTicket);
        // past its age the browser is asked to reconnect: the stream ends normally (EventSource reconnects by itself)
        held.onTimeout(reader::end);
        held.onError(failure -> reader.leave());
        held.onCompletion(reader::leave);
        WebAsyncUtils.getAsyncManager(request).startDeferredResultProcessing(held);
        response.flushBuffer();
        view.join(reader);
    }

    /**
     * The container's own response under the filters' wrappers (session, security, async lifecycle): they act when
     * the response commits, which {@link #hold} has done, and per write they only cost (a lock and two checks per
     * reader per change). A write after the container recycled the response fails, and the reader leaves.
     */
    private static ServletResponse containerResponse(ServletResponse response) {
        ServletResponse inner = response;
        while (inner instanceof ServletResponseWrapper wrapper) {
            inner = wrapper.getResponse();
        }
        return inner;
    }

    @Override
    public void send(byte[] frame) {
        if (gone.get()) {
            return;
        }
        synchronized (this) {
            try {
                out.write(frame);
                out.flush();
                lastWrite = System.nanoTime();
            } catch (IOException | RuntimeException failed) {
                end();
            }
        }
    }

    @Override
    public long lastWrite() {
        return lastWrite;
    }

    /** The upstream ended, the stream is old, or the reader is gone: complete the request and leave. */
    @Override
    public void end() {
        held.setResult(null);
        leave();
    }

    private void leave() {
        if (gone.compareAndSet(false, true)) {
            releaseTicket.run();
            view.leave(this);
        }
    }
}
