package dev.toolverdicts.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.gateway.Eventually;
import dev.toolverdicts.gateway.GatewayClient;
import dev.toolverdicts.gateway.Upstreams;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Live streams cannot wedge the door: past the per-address and total bounds a stream is refused (429, 503) while
 * pages and APIs keep answering; readers that leave free everything they held, downstream and upstream, within
 * seconds; many readers of one view cost one upstream connection; a change reaches every reader; and a stream for
 * an unknown view is the upstream's 404 problem, not a held 200.
 */
@WithPostgres
@WithJwtIssuer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "gateway.live-streams.max-per-address=5",
    "gateway.live-streams.max-total=8",
    "gateway.live-streams.heartbeat=200ms",
    "server.tomcat.max-connections=40"})
class LiveStreamTest {

    private static final Upstreams UPSTREAMS = new Upstreams();
    private static final StreamingUpstream COMPARISON = new StreamingUpstream();

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    private final List<Socket> held = new ArrayList<>();

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        Map<String, String> properties = new LinkedHashMap<>(UPSTREAMS.properties());
        properties.put("services.comparison.uri", COMPARISON.uri());
        properties.forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stopUpstreams() {
        UPSTREAMS.close();
        COMPARISON.close();
    }

    @AfterEach
    void closeHeld() {
        held.forEach(LiveStreamTest::closeQuietly);
        held.clear();
        Eventually.within(Duration.ofSeconds(10), "every stream freed",
                () -> gauge("gateway.live.streams") == 0 && COMPARISON.open() == 0);
    }

    @Test
    void aFloodPastTheBoundsIsRefusedPagesKeepAnsweringAndClosedStreamsFreeEverything() {
        GatewayClient gateway = new GatewayClient(port);
        // warm: the first call of a route builds its client and breaker, and this box's JIT is slow to start
        assertThat(gateway.get("/api/catalog/tools").statusCode()).isEqualTo(200);
        assertThat(gateway.get("/tools/smolvlm-3b").statusCode()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(open("smolvlm-3b", "203.0.113.1").status()).isEqualTo(200);
        }
        Opened sixth = open("smolvlm-3b", "203.0.113.1");
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.headers()).containsEntry("content-type", "application/problem+json")
                .containsKey("retry-after");
        assertThat(sixth.body()).contains("too-many-streams");

        for (int i = 0; i < 3; i++) {
            assertThat(open(i == 0 ? "code-llama-4" : "smolvlm-3b", "203.0.113.2").status()).isEqualTo(200);
        }
        Opened ninth = open("smolvlm-3b", "203.0.113.3");
        assertThat(ninth.status()).isEqualTo(503);
        assertThat(ninth.headers()).containsEntry("content-type", "application/problem+json")
                .containsKey("retry-after");
        assertThat(ninth.body()).contains("streams-full");

        assertThat(COMPARISON.open()).as("eight readers of two views cost two upstream streams").isEqualTo(2);
        assertThat(gauge("gateway.live.upstreams")).isEqualTo(2);
        assertAnswersWithinASecond();

        held.forEach(LiveStreamTest::closeQuietly);
        held.clear();
        Eventually.within(Duration.ofSeconds(5), "the gateway lets go of the readers and the upstream streams",
                () -> gauge("gateway.live.streams") == 0 && gauge("gateway.live.upstreams") == 0
                        && COMPARISON.open() == 0);
        assertAnswersWithinASecond();
        for (int i = 0; i < 5; i++) {
            assertThat(open("smolvlm-3b", "203.0.113.1").status()).as("the address may stream again").isEqualTo(200);
        }
    }

    @Test
    void aChangeReachesEveryReaderOfTheView() throws IOException {
        List<BufferedReader> readers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Opened opened = open("llama-4-compact", "198.51.100." + i);
            assertThat(opened.status()).isEqualTo(200);
            // unchunked: the frames are written as they are (one copy, one write per reader), the stream ends with
            // its connection
            assertThat(opened.headers()).containsEntry("connection", "close").doesNotContainKey("transfer-encoding");
            readers.add(opened.reader());
        }
        assertThat(meters.find("http.server.requests.active").longTaskTimers())
                .as("a held stream keeps no request observation open")
                .allSatisfy(active -> assertThat(active.activeTasks()).isZero());
        COMPARISON.publish("llama-4-compact", "{\"slug\":\"llama-4-compact\"}");
        for (BufferedReader reader : readers) {
            assertThat(readUntil(reader, "event:view-changed")).isTrue();
            assertThat(readUntil(reader, "data:{\"slug\":\"llama-4-compact\"}")).isTrue();
        }
    }

    @Test
    void aStreamForAnUnknownViewIsTheUpstreams404ProblemAndHoldsNothing() {
        Opened unknown = open("unknown-tool", "192.0.2.9");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.headers()).containsEntry("content-type", "application/problem+json");
        assertThat(unknown.body()).contains("no published tool is called unknown-tool");
        for (int i = 0; i < 5; i++) {
            assertThat(open("unknown-tool", "192.0.2.9").status()).as("a refused stream used no ticket")
                    .isEqualTo(404);
        }
        assertThat(open("smolvlm-3b", "192.0.2.9").status()).isEqualTo(200);
    }

    private void assertAnswersWithinASecond() {
        GatewayClient gateway = new GatewayClient(port);
        long started = System.nanoTime();
        HttpResponse<String> read = gateway.send(gateway.request("/api/catalog/tools").timeout(Duration.ofSeconds(1))
                .GET());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        HttpResponse<String> page = gateway.send(gateway.request("/tools/smolvlm-3b").timeout(Duration.ofSeconds(1))
                .GET());
        assertThat(page.statusCode()).isEqualTo(200);
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    private record Opened(int status, Map<String, String> headers, String body, BufferedReader reader) {
    }

    /** Opens a stream from {@code address} (as a trusted proxy would forward it) and reads up to its first event. */
    private Opened open(String slug, String address) {
        try {
            Socket socket = new Socket("127.0.0.1", port);
            // a safety net, not a timing: a stream whose head came without its first event is a fault (see LiveReader)
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /api/comparisons/tools/" + slug + "/stream HTTP/1.1\r\n"
                    + "Host: localhost\r\nAccept: text/event-stream\r\nX-Forwarded-For: " + address + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            int status = Integer.parseInt(reader.readLine().split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line; !(line = reader.readLine()).isEmpty(); ) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
            }
            if (status == 200) {
                held.add(socket);
                assertThat(readUntil(reader, "event:subscribed")).isTrue();
                return new Opened(status, headers, "", reader);
            }
            char[] body = new char[Integer.parseInt(headers.getOrDefault("content-length", "0"))];
            int read = 0;
            while (read < body.length) {
                read += reader.read(body, read, body.length - read);
            }
            socket.close();
            return new Opened(status, headers, new String(body), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean readUntil(BufferedReader reader, String expected) throws IOException {
        for (String line; (line = reader.readLine()) != null; ) {
            if (line.equals(expected)) {
                return true;
            }
        }
        return false;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
