package dev.toolverdicts.devstack.fault;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Readers polling the tallies and comparison views through the gateway beside the votes, so that requests are in
 * flight at the moment a part dies (an upstream connection reset mid-answer, not only a refused connect).
 */
final class ReadFlow implements AutoCloseable {

    /** One read's HTTP answer, with the outage it fell into. */
    record Read(String path, String phase, int status, String contentType, boolean retryAfter) {
        boolean acceptable() {
            return status / 100 == 2 || (status == 429 || status == 503)
                    && contentType.startsWith("application/problem+json") && retryAfter;
        }
    }

    private final URI gateway;
    private final List<String> paths;
    private final int readers;
    private final Duration pause;
    private final List<Read> reads = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> connectionFailures = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private volatile String phase = "before";

    ReadFlow(URI gateway, List<String> paths, int readers, Duration pause) {
        this.gateway = gateway;
        this.paths = List.copyOf(paths);
        this.readers = readers;
        this.pause = pause;
    }

    void start() {
        for (int i = 0; i < readers; i++) {
            HttpClient client = client(20 + i);
            int first = i;
            threads.add(Thread.ofVirtual().name("reader-" + i).start(() -> read(client, first)));
        }
    }

    void phase(String phase) {
        this.phase = phase;
    }

    private void read(HttpClient client, int first) {
        for (int n = first; running.get(); n++) {
            String path = paths.get(n % paths.size());
            String during = phase;
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(gateway.resolve(path))
                                .timeout(Duration.ofSeconds(20)).header("Accept", "application/json").GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                reads.add(new Read(path, during, response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(""),
                        response.headers().firstValue("Retry-After").isPresent()));
            } catch (IOException e) {
                connectionFailures.merge(during, 1, Integer::sum);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    List<Read> reads() {
        return List.copyOf(reads);
    }

    Map<String, Map<Integer, Long>> byPhaseAndStatus() {
        Map<String, Map<Integer, Long>> counts = new LinkedHashMap<>();
        reads.forEach(read -> counts.computeIfAbsent(read.phase(), phase -> new TreeMap<>())
                .merge(read.status(), 1L, Long::sum));
        return counts;
    }

    Map<String, Integer> connectionFailuresByPhase() {
        return new TreeMap<>(connectionFailures);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(30));
        }
    }

    private static HttpClient client(int address) {
        try {
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
                    .localAddress(InetAddress.getByName("127.0.6." + address))
                    .version(HttpClient.Version.HTTP_1_1).build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
