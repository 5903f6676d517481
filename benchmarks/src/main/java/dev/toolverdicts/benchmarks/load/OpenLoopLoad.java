package dev.toolverdicts.benchmarks.load;

import dev.toolverdicts.benchmarks.http.HttpConnection;
import dev.toolverdicts.benchmarks.http.HttpResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Fixed-rate load: request i is due at start + i/rate whether or not earlier ones have answered, and its latency
 * is measured from that due time, so a stalled server shows up in the percentiles (no coordinated omission).
 * Connections come from a pool that grows up to {@link #MAX_CONNECTIONS}; beyond that a request waits for one
 * (still timed from its due time), as a bounded crowd of clients would.
 */
public final class OpenLoopLoad {

    static final int MAX_CONNECTIONS = 128;

    private OpenLoopLoad() {
    }

    public static LoadResult run(String label, int port, double perSecond, Duration duration, Workload workload) {
        long total = Math.max(1, Math.round(perSecond * duration.toNanos() / 1e9));
        ConcurrentLinkedQueue<HttpConnection> idle = new ConcurrentLinkedQueue<>();
        Semaphore connections = new Semaphore(MAX_CONNECTIONS);
        ConcurrentHistogram latencies = new ConcurrentHistogram(60_000_000L, 3);
        AtomicLong succeeded = new AtomicLong();
        AtomicLong ioFailures = new AtomicLong();
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < total; i++) {
                long due = started + (long) (i * 1e9 / perSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                long index = i;
                senders.execute(() -> {
                    connections.acquireUninterruptibly();
                    HttpConnection connection = idle.poll();
                    try {
                        if (connection == null) {
                            connection = HttpConnection.open(port, null);
                        }
                        HttpResponse response = connection.exchange(workload.request(index));
                        latencies.recordValue(Math.max(1, (System.nanoTime() - due) / 1_000));
                        statuses.computeIfAbsent(response.status(), s -> new AtomicLong()).incrementAndGet();
                        if (workload.succeeded(index, response)) {
                            succeeded.incrementAndGet();
                        }
                        if (response.closes()) {
                            connection.close();
                        } else {
                            idle.add(connection);
                        }
                    } catch (IOException | RuntimeException e) {
                        ioFailures.incrementAndGet();
                        workload.failed(index);
                        if (connection != null) {
                            connection.close();
                        }
                    } finally {
                        connections.release();
                    }
                });
            }
            senders.shutdown();
            awaitQuietly(senders);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        idle.forEach(HttpConnection::close);
        Map<Integer, Long> counts = new ConcurrentHashMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.get()));
        Histogram copy = latencies.copy();
        return new LoadResult(label, 0, succeeded.get(), counts, ioFailures.get(), elapsed, Latency.of(copy));
    }

    private static void awaitQuietly(ExecutorService senders) {
        try {
            senders.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
