package dev.toolverdicts.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A route's HTTP client bounds the whole response by the route's timeout, and an answer within it costs no exception:
 * the framework's own read timeout created a CancellationException and a CompletionException for every request when
 * it cancelled its timer (1.3 exceptions per request in a profile of cached reads).
 */
class RouteClientTest {

    private HttpServer upstream;

    @BeforeEach
    void startUpstream() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        upstream.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/slow-head")) {
                sleep(6_000);
            }
            if (answeredSpecially(path, exchange)) {
                return;
            }
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, exchange.getRequestURI().getPath().startsWith("/slow-body") ? 0 : body.length);
            exchange.getResponseBody().write(body);
            exchange.getResponseBody().flush();
            if (exchange.getRequestURI().getPath().startsWith("/slow-body")) {
                sleep(6_000);
            }
            exchange.close();
        });
        upstream.start();
    }

    /** The upstream's answers for the tests of keep-alive, cookies, compression and trickling bodies. */
    private static boolean answeredSpecially(String path, HttpExchange exchange) throws IOException {
        byte[] body;
        switch (path) {
            case "/port" -> body = String.valueOf(exchange.getRemoteAddress().getPort()).getBytes(StandardCharsets.UTF_8);
            case "/set-cookie" -> {
                exchange.getResponseHeaders().add("Set-Cookie", "caller=first; Path=/");
                body = "set".getBytes(StandardCharsets.UTF_8);
            }
            case "/cookie" -> body = String.valueOf(exchange.getRequestHeaders().getFirst("Cookie"))
                    .getBytes(StandardCharsets.UTF_8);
            case "/gzip" -> {
                exchange.getResponseHeaders().add("Content-Encoding", "gzip");
                body = gzip("{\"ok\":true}");
            }
            case "/trickle" -> {
                exchange.sendResponseHeaders(200, 0);
                for (int i = 0; i < 30; i++) {
                    exchange.getResponseBody().write('x');
                    exchange.getResponseBody().flush();
                    sleep(200);
                }
                exchange.close();
                return true;
            }
            default -> {
                return false;
            }
        }
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
        return true;
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @AfterEach
    void stopUpstream() {
        upstream.stop(0);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + upstream.getAddress().getPort() + path);
    }

    private ClientHttpRequestFactory client() {
        return RouteTimedProxyExchange.requestFactory(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void answersWithinTheTimeoutThrowNothingBehindTheScenes() throws Exception {
        ClientHttpRequestFactory client = client();
        for (int i = 0; i < 20; i++) {
            read(client, "/warm-up");
        }
        List<String> created = new CopyOnWriteArrayList<>();
        try (RecordingStream exceptions = new RecordingStream()) {
            exceptions.enable("jdk.JavaExceptionThrow").with("throttle", "off");
            exceptions.enable("jdk.JavaErrorThrow");
            exceptions.onEvent("jdk.JavaExceptionThrow", event -> created.add(event.getClass("thrownClass").getName()));
            exceptions.startAsync();
            Thread.sleep(1_500);
            for (int i = 0; i < 200; i++) {
                assertThat(read(client, "/fast")).isEqualTo("{\"ok\":true}");
            }
            // the recorder's own check: an exception it must see
            created.size();
            new IllegalStateException("seen by the recorder").getMessage();
            exceptions.stop();
        }
        assertThat(created).as("the recorder works").contains(IllegalStateException.class.getName());
        assertThat(created).as("exceptions created while 200 answers came in time")
                .noneMatch(name -> name.contains("Cancellation") || name.contains("CompletionException"));
    }

    @Test
    void aHeadLaterThanTheTimeoutIsATimeout() {
        assertThatThrownBy(() -> read(client(), "/slow-head")).isInstanceOf(IOException.class);
    }

    @Test
    void aBodyLaterThanTheTimeoutIsCutOff() {
        assertThatThrownBy(() -> {
            try (ClientHttpResponse response = client().createRequest(uri("/slow-body"), HttpMethod.GET).execute()) {
                InputStream body = response.getBody();
                body.readAllBytes();
            }
        }).isInstanceOf(IOException.class);
    }

    @Test
    void aZeroTimeoutMeansNone() throws Exception {
        ClientHttpRequestFactory none = RouteTimedProxyExchange.requestFactory(Duration.ofSeconds(2), Duration.ZERO);
        assertThat(read(none, "/fast")).isEqualTo("{\"ok\":true}");
    }

    @Test
    void aRouteClientHandsTheExchangeToNoThreadOfItsOwn() throws Exception {
        // the JDK HttpClient ran every exchange on its selector thread and executor, handing the answer back through
        // futures: on cached reads the gateway mostly waited for those hand-offs (issue 21)
        read(client(), "/warm-up");
        Set<String> before = platformThreads();
        ClientHttpRequestFactory route = client();
        for (int i = 0; i < 20; i++) {
            assertThat(read(route, "/fast")).isEqualTo("{\"ok\":true}");
        }
        Set<String> started = platformThreads();
        started.removeAll(before);
        assertThat(started).as("threads the new route's client started").isEmpty();
    }

    @Test
    void consecutiveCallsKeepOneConnectionAlive() throws Exception {
        ClientHttpRequestFactory client = client();
        Set<String> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ports.add(read(client, "/port"));
        }
        assertThat(ports).as("client ports the upstream saw").hasSize(1);
    }

    @Test
    void noCookieOfOneCallerReachesTheNext() throws Exception {
        ClientHttpRequestFactory client = client();
        read(client, "/set-cookie");
        assertThat(read(client, "/cookie")).isEqualTo("null");
    }

    @Test
    void aCompressedAnswerPassesThroughAsTheServiceSentIt() throws Exception {
        try (ClientHttpResponse response = client().createRequest(uri("/gzip"), HttpMethod.GET).execute()) {
            assertThat(response.getHeaders().getFirst("Content-Encoding")).isEqualTo("gzip");
            assertThat(response.getBody().readAllBytes()).isEqualTo(gzip("{\"ok\":true}"));
        }
    }

    @Test
    void aBodyTricklingPastTheTimeoutIsCutOff() {
        // each byte comes well within the timeout; the whole body does not
        assertThatThrownBy(() -> read(client(), "/trickle")).isInstanceOf(IOException.class);
    }

    @Test
    void aBodyTricklingPastTheTimeoutIsCutOffOnAVirtualThread() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean interruptLeft = new AtomicBoolean();
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                read(client(), "/trickle");
            } catch (Throwable t) {
                failure.set(t);
            }
            interruptLeft.set(Thread.currentThread().isInterrupted());
        });
        reader.join();
        assertThat(failure.get()).isInstanceOf(IOException.class);
        assertThat(interruptLeft).as("the deadline's interrupt is not left behind").isFalse();
    }

    private static Set<String> platformThreads() {
        Set<String> names = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            names.add(thread.getName() + "#" + thread.threadId());
        }
        return names;
    }

    private String read(ClientHttpRequestFactory client, String path) throws IOException {
        try (ClientHttpResponse response = client.createRequest(uri(path), HttpMethod.GET).execute()) {
            return new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
