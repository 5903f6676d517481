package dev.toolverdicts.servicedefaults.errors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An error status answered with no body (a handler's {@code ResponseEntity.status(409).build()}, an entry point that
 * only sets 401, an actuator 404) becomes a problem like any other: the response is held uncommitted while it has an
 * error status and nothing written, and is then handed to the error page with {@code sendError}, which keeps its
 * headers ({@code WWW-Authenticate}, {@code Allow}). Success answers, streams and anything with a body pass untouched.
 */
final class EmptyErrorBodies extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        BodyWatch watched = new BodyWatch(response);
        chain.doFilter(request, watched);
        if (request.isAsyncStarted()) {
            return;
        }
        if (watched.heldEmptyError() && !response.isCommitted()
                && !"HEAD".equals(request.getMethod())) {
            response.sendError(response.getStatus());
        } else if (watched.flushHeld && !response.isCommitted()) {
            response.flushBuffer();
        }
    }

    /** Counts what is written and holds back flushes of an error answer that has no body yet. */
    private static final class BodyWatch extends HttpServletResponseWrapper {

        private boolean written;
        private boolean flushHeld;
        private boolean errorSent;
        private ServletOutputStream stream;
        private PrintWriter writer;

        BodyWatch(HttpServletResponse response) {
            super(response);
        }

        boolean heldEmptyError() {
            return !written && !errorSent && getStatus() >= 400;
        }

        private boolean holdFlush() {
            if (heldEmptyError()) {
                flushHeld = true;
                return true;
            }
            return false;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!holdFlush()) {
                super.flushBuffer();
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream out = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        written = true;
                        out.write(b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        written |= length > 0;
                        out.write(bytes, offset, length);
                    }

                    @Override
                    public void flush() throws IOException {
                        if (!holdFlush()) {
                            out.flush();
                        }
                    }

                    @Override
                    public void close() throws IOException {
                        if (!holdFlush()) {
                            out.close();
                        }
                    }

                    @Override
                    public boolean isReady() {
                        return out.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        out.setWriteListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                // no buffer of its own: every write goes straight to the container's writer
                writer = new PrintWriter(super.getWriter(), false) {
                    @Override
                    public void write(String text, int offset, int length) {
                        written |= length > 0;
                        super.write(text, offset, length);
                    }

                    @Override
                    public void write(char[] chars, int offset, int length) {
                        written |= length > 0;
                        super.write(chars, offset, length);
                    }

                    @Override
                    public void write(int c) {
                        written = true;
                        super.write(c);
                    }

                    @Override
                    public void flush() {
                        if (!holdFlush()) {
                            super.flush();
                        }
                    }
                };
            }
            return writer;
        }

        @Override
        public void sendError(int status) throws IOException {
            errorSent = true;
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            errorSent = true;
            super.sendError(status, message);
        }
    }
}
