package dev.toolverdicts.benchmarks.load;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** The outcome of one load run: successes, answers by status, I/O failures, wall time and latency. */
public record LoadResult(String label, int concurrency, long succeeded, Map<Integer, Long> statuses, long ioFailures,
        Duration elapsed, Latency latency) {

    public LoadResult {
        statuses = new TreeMap<>(statuses);
    }

    /** Successful requests per second of wall time. */
    public double throughput() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds == 0 ? 0 : succeeded / seconds;
    }

    public long sent() {
        return statuses.values().stream().mapToLong(Long::longValue).sum() + ioFailures;
    }

    public String summary() {
        return String.format("%s: %d ok of %d in %.1f s = %.0f/s, p50 %.2f ms, p99 %.2f ms, statuses %s%s", label,
                succeeded, sent(), elapsed.toNanos() / 1e9, throughput(), latency.p50Ms(), latency.p99Ms(), statuses,
                ioFailures > 0 ? ", I/O failures " + ioFailures : "");
    }
}
