package dev.toolverdicts.gateway.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in comparison service for live streams: {@code /api/comparisons/tools/<slug>/stream} streams (a
 * "subscribed" event, then a heartbeat comment every 100 ms, like the real one) unless the slug starts with
 * "unknown" (404 problem); it counts the streams it holds open, which end when a heartbeat cannot be written.
 */
final class StreamingUpstream implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger opened = new AtomicInteger();
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();

    private record Stream(String slug, OutputStream out) {
    }

    StreamingUpstream() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Streams open here now. */
    int open() {
        return open.get();
    }

    /** Streams ever opened here. */
    int opened() {
        return opened.get();
    }

    /** Sends a view-changed event to every stream open on the tool. */
    void publish(String slug, String data) {
        streams.stream().filter(stream -> stream.slug().equals(slug)).forEach(stream -> {
            synchronized (stream) {
                try {
                    write(stream.out(), "event:view-changed\nid:1\ndata:" + data + "\n\n");
                } catch (IOException gone) {
                    // the heartbeat loop notices and ends it
                }
            }
        });
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!path.endsWith("/stream")) {
            byte[] body = "{\"slug\":\"x\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            return;
        }
        String slug = path.split("/")[4];
        if (slug.startsWith("unknown")) {
            byte[] body = ("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                    + "\"detail\":\"no published tool is called " + slug + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        Stream stream = new Stream(slug, exchange.getResponseBody());
        open.incrementAndGet();
        opened.incrementAndGet();
        streams.add(stream);
        try {
            synchronized (stream) {
                write(stream.out(), "event:subscribed\ndata:{\"kind\":\"TOOL\",\"slug\":\"" + slug + "\"}\n\n");
            }
            while (true) {
                Thread.sleep(100);
                synchronized (stream) {
                    write(stream.out(), ":\n\n");
                }
            }
        } catch (IOException | InterruptedException gone) {
            // the reader (the gateway) went away
        } finally {
            streams.remove(stream);
            open.decrementAndGet();
            exchange.close();
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
