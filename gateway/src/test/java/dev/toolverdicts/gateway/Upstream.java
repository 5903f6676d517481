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
    public record Seen(String method, String uri, String authorization, String cookie, int bodyLength) {
    }

    private final String name;
    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private Upstream(String name) throws IOException {
        this.name = name;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] request = exchange.getRequestBody().readAllBytes();
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Cookie"), request.length));
            byte[] body = ("<html><body>" + name + "</body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            // a looser policy of the service's own, which the gateway must replace with its own
            exchange.getResponseHeaders().add("Content-Security-Policy", "default-src *");
            exchange.sendResponseHeaders("POST".equals(exchange.getRequestMethod()) ? 201 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    public static Upstream start(String name) {
        try {
            return new Upstream(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
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
