package dev.toolverdicts.gateway.live;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
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
    /** Guarded by this: once set, nothing more is written (the container may recycle the response at any time). */
    private boolean gone;
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
        try {
            response.flushBuffer();
        } catch (IOException | RuntimeException clientGone) {
            // gone before its head: the held request must still be completed, or its connection stays open
            reader.abandon();
            return;
        }
        view.join(reader);
    }

    /**
     * The container's own response under the filters' wrappers (session, security, async lifecycle): they act when
     * the response commits, which {@link #hold} has done, and per write they only cost (a lock and two checks per
     * reader per change). Nothing is written once the reader has left ({@link #leave}).
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
        boolean failed = false;
        synchronized (this) {
            if (gone) {
                return;
            }
            try {
                out.write(frame);
                out.flush();
                lastWrite = System.nanoTime();
            } catch (IOException | RuntimeException broken) {
                failed = true;
            }
        }
        if (failed) {
            end();
        }
    }

    @Override
    public long lastWrite() {
        return lastWrite;
    }

    /** The upstream ended, the stream is old, or the reader is gone: leave, then complete the request. */
    @Override
    public void end() {
        leave();
        held.setResult(null);
    }

    /** A reader that never joined its view: gives back its ticket and its reservation, and completes the request. */
    private void abandon() {
        synchronized (this) {
            if (gone) {
                return;
            }
            gone = true;
        }
        releaseTicket.run();
        view.release();
        held.setResult(null);
    }

    /**
     * Leaves once, whichever way the stream ended. Marking the reader gone waits for a write in progress and comes
     * before the request is completed: Tomcat recycles a completed response's output buffer for the next request on
     * its processor, and a late heartbeat written to it went out on another client's connection (LiveStreamTest saw
     * the next stream's head committed early and its own flush fail with a broken pipe, 1 run in 3).
     */
    private void leave() {
        synchronized (this) {
            if (gone) {
                return;
            }
            gone = true;
        }
        releaseTicket.run();
        view.leave(this);
    }
}
