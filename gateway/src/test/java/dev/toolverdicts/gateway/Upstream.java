package dev.toolverdicts.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A stand-in service on loopback (JDK HttpServer) that answers with its name and records what reached it. */
public final class Upstream implements AutoCloseable {

    /** One request as the service saw it. */
    public record Seen(String method, String uri, String authorization, String cookie, int bodyLength,
            String traceparent) {
    }

    /** A path containing this answers only after {@link #SLOW}, to try the gateway's response timeout. */
    public static final String SLOW_PATH = "/slow";
    public static final java.time.Duration SLOW = java.time.Duration.ofSeconds(5);
    /** A path containing this answers a page of {@link #LARGE_BYTES}, large enough to be worth compressing. */
    public static final String LARGE_PATH = "/large";
    public static final int LARGE_BYTES = 16 * 1024;
    /** A path containing this answers JSON that a service's cache policy lets any cache keep (an anonymous read). */
    public static final String PUBLIC_JSON_PATH = "/public-json";
    public static final String PUBLIC_CACHE_CONTROL = "public, max-age=10, stale-while-revalidate=30";

    private final String name;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final int port;
    private HttpServer server;

    private Upstream(String name, int port) throws IOException {
        this.name = name;
        this.server = listen(port);
        this.port = server.getAddress().getPort();
    }

    private HttpServer listen(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            byte[] request = exchange.getRequestBody().readAllBytes();
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Cookie"), request.length,
                    exchange.getRequestHeaders().getFirst("traceparent")));
            if (exchange.getRequestURI().getPath().contains(SLOW_PATH)) {
                try {
                    Thread.sleep(SLOW);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (exchange.getRequestURI().getPath().contains(PUBLIC_JSON_PATH)) {
                byte[] json = ("{\"service\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("Cache-Control", PUBLIC_CACHE_CONTROL);
                exchange.getResponseHeaders().add("Vary", "Accept, Accept-Encoding, Authorization");
                exchange.getResponseHeaders().add("ETag", "\"1\"");
                exchange.sendResponseHeaders(200, json.length);
                exchange.getResponseBody().write(json);
                exchange.close();
                return;
            }
            String padding = exchange.getRequestURI().getPath().contains(LARGE_PATH)
                    ? "<p>a reader's page</p>".repeat(LARGE_BYTES / 22) : "";
            byte[] body = ("<html><body>" + name + padding + "</body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            // a looser policy of the service's own, which the gateway must replace with its own
            exchange.getResponseHeaders().add("Content-Security-Policy", "default-src *");
            exchange.sendResponseHeaders("POST".equals(exchange.getRequestMethod()) ? 201 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    public static Upstream start(String name) {
        try {
            return new Upstream(name, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes the service down: connections to its port are refused until {@link #restart()}. */
    public void stop() {
        server.stop(0);
    }

    /** Brings the service back on the same port. */
    public void restart() {
        try {
            server = listen(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String uri() {
        return "http://127.0.0.1:" + port;
    }

    public String name() {
        return name;
    }

    public List<Seen> seen() {
        return seen;
    }

    public Seen last() {
        return seen.getLast();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
