package dev.toolverdicts.benchmarks.load;

import dev.toolverdicts.benchmarks.http.HttpConnection;
import dev.toolverdicts.benchmarks.http.HttpResponse;
import dev.toolverdicts.benchmarks.http.SourceAddresses;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Fixed-concurrency load: N virtual-thread clients, each on its own keep-alive connection, send the workload's
 * requests back to back until the request count or the duration bound is reached, recording every latency.
 */
public final class ClosedLoopLoad {

    /**
     * @param requestsPerConnection after this many requests a client reconnects (from a fresh source address when
     *                              {@code sources} is given), as a new browser would
     */
    public record Settings(int port, int concurrency, long maxRequests, Duration maxDuration, int requestsPerConnection,
            SourceAddresses sources) {
    }

    private ClosedLoopLoad() {
    }

    public static LoadResult run(String label, Settings settings, Workload workload) {
        AtomicLong next = new AtomicLong();
        AtomicLong succeeded = new AtomicLong();
        AtomicLong ioFailures = new AtomicLong();
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> clients = new ArrayList<>();
        long started = System.nanoTime();
        long deadline = started + settings.maxDuration().toNanos();
        for (int c = 0; c < settings.concurrency(); c++) {
            Histogram histogram = Latency.newHistogram();
            histograms.add(histogram);
            clients.add(Thread.ofVirtual().name("load-" + label + "-" + c).start(() -> {
                Client client = new Client(settings);
                try {
                    long i;
                    while ((i = next.getAndIncrement()) < settings.maxRequests() && System.nanoTime() < deadline) {
                        long sentAt = System.nanoTime();
                        try {
                            HttpResponse response = client.exchange(workload.request(i));
                            histogram.recordValue(Math.max(1, (System.nanoTime() - sentAt) / 1_000));
                            statuses.computeIfAbsent(response.status(), s -> new AtomicLong()).incrementAndGet();
                            if (workload.succeeded(i, response)) {
                                succeeded.incrementAndGet();
                            }
                        } catch (IOException | RuntimeException e) {
                            ioFailures.incrementAndGet();
                            workload.failed(i);
                            client.drop();
                        }
                    }
                } finally {
                    client.drop();
                }
            }));
        }
        clients.forEach(ClosedLoopLoad::join);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        Histogram all = Latency.newHistogram();
        histograms.forEach(all::add);
        Map<Integer, Long> counts = new ConcurrentHashMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.get()));
        return new LoadResult(label, settings.concurrency(), succeeded.get(), counts, ioFailures.get(), elapsed,
                Latency.of(all));
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One simulated client: a connection it reopens when asked to, or after its request budget. */
    private static final class Client {

        private final Settings settings;
        private HttpConnection connection;
        private int used;

        Client(Settings settings) {
            this.settings = settings;
        }

        HttpResponse exchange(byte[] request) throws IOException {
            if (connection == null || used >= settings.requestsPerConnection()) {
                drop();
                InetAddress source = settings.sources() == null ? null : settings.sources().next();
                connection = HttpConnection.open(settings.port(), source);
                used = 0;
            }
            used++;
            HttpResponse response = connection.exchange(request);
            if (response.closes()) {
                drop();
            }
            return response;
        }

        void drop() {
            if (connection != null) {
                connection.close();
                connection = null;
            }
        }
    }
}
