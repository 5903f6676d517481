package dev.toolverdicts.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
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
            if (exchange.getRequestURI().getPath().startsWith("/slow-head")) {
                sleep(6_000);
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
