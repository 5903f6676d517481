package dev.toolverdicts.comparison.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.testsupport.EventProducer;
import dev.toolverdicts.comparison.support.Scenario;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Live streams hold only what exists and only while someone listens: an unknown tool or matchup is a 404
 * problem, an open stream carries heartbeats, and a reader that goes away is freed at the next heartbeat.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "comparison.streams.heartbeat=200ms")
@WithPostgres
@WithKafka
@WithJwtIssuer
class ViewStreamTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final EventProducer PRODUCER = new EventProducer();

    @LocalServerPort
    int port;

    @Autowired
    ViewStreams streams;

    @AfterAll
    static void closeProducer() {
        PRODUCER.close();
    }

    @Test
    void aStreamForAToolOrMatchupThatDoesNotExistIs404Problem() throws Exception {
        for (String path : new String[] {"/api/comparisons/tools/no-such-tool/stream",
                "/api/comparisons/matchups/no-such-matchup/stream"}) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + path)).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
            assertThat(response.body()).contains("slug");
        }
        assertThat(streams.open()).isZero();
    }

    @Test
    void anOpenStreamCarriesHeartbeatsAndAReaderThatLeavesIsFreed() throws Exception {
        Scenario s = new Scenario();
        s.events().forEach(PRODUCER::sendAny);
        PRODUCER.flush();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/comparisons/tools/" + s.smolvlmSlug())).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        int before = streams.open();

        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/comparisons/tools/" + s.smolvlmSlug() + "/stream HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(in.readLine()).startsWith("HTTP/1.1 200");
            int heartbeats = 0;
            boolean subscribed = false;
            for (String line; heartbeats < 2 && (line = in.readLine()) != null; ) {
                subscribed |= line.startsWith("event:subscribed");
                // a heartbeat is an empty comment line; chunk sizes are hex lines of their own
                heartbeats += line.equals(":") ? 1 : 0;
            }
            assertThat(subscribed).isTrue();
            assertThat(heartbeats).isEqualTo(2);
            assertThat(streams.open()).isEqualTo(before + 1);
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> streams.open() == before);
    }
}
