package dev.toolverdicts.ratelimits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one rate-limit check costs, measured in one run on the same machine (a harness, not a test; issue 17 asks
 * for the figure): takes/s of the in-memory Bucket4j buckets the gateway used before, of the shared PostgreSQL
 * store (one statement per take), and of leases from it at the lease sizes the gateway's default share gives
 * limits of 20, 60 and 600 per minute. Each phase runs {@code threads} threads spreading takes over {@code keys}
 * subjects for {@code seconds} after a warm-up; the store and the baseline run again at the end, as a measure of the
 * run's noise. Run from platform/rate-limits after {@code test-compile}:
 * <pre>java -Djava.io.tmpdir=target -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *   dev.toolverdicts.ratelimits.RateLimitCost [threads] [seconds]</pre>
 */
public final class RateLimitCost {

    private static final int KEYS = 1000;

    private RateLimitCost() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        try (BucketDatabase db = new BucketDatabase("RateLimitCost")) {
            TokenBuckets store = new TokenBuckets(db.jdbc);
            Limit huge = new Limit(1_000_000_000L, Duration.ofMinutes(1));
            Map<String, Bucket> memory = new ConcurrentHashMap<>();
            Phase bucket4j = key -> memory.computeIfAbsent(key, k -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(huge.capacity())
                            .refillGreedy(huge.capacity(), huge.period()).build()).build())
                    .tryConsumeAndReturnRemaining(1).isConsumed();
            double baseline = report("in-memory Bucket4j (before)", bucket4j, threads, seconds, Double.NaN);
            Phase statement = key -> store.take("cost", key, huge).allowed();
            report("shared store, one statement per take", statement, threads, seconds, baseline);
            LeasedTokenBuckets.Settings gatewayDefaults = new LeasedTokenBuckets.Settings(0.05, 50,
                    Duration.ofSeconds(2), 100_000);
            for (long perMinute : new long[] {20, 60, 600}) {
                long lease = new LeasedTokenBuckets(store, gatewayDefaults, System::nanoTime, false)
                        .leaseSize(new Limit(perMinute, Duration.ofMinutes(1)));
                // the same lease size on a limit that never refuses, so every phase measures granted takes
                LeasedTokenBuckets.Settings sized = new LeasedTokenBuckets.Settings(1, lease, Duration.ofSeconds(2),
                        100_000);
                try (LeasedTokenBuckets leased = new LeasedTokenBuckets(store, sized)) {
                    report("leased, as for " + perMinute + "/min (lease " + lease + ")",
                            key -> leased.take("cost-" + lease, key, huge).allowed(), threads, seconds, baseline);
                }
            }
            // again at the end: on a shared, loaded machine the spread between the two is the noise of the run
            report("shared store, one statement per take (again)", statement, threads, seconds, baseline);
            report("in-memory Bucket4j (again)", bucket4j, threads, seconds, baseline);
        }
    }

    private static double report(String name, Phase phase, int threads, int seconds, double baseline)
            throws InterruptedException {
        run(phase, threads, 1);
        double perSecond = run(phase, threads, seconds);
        String ratio = Double.isNaN(baseline) ? "1.00x" : String.format(Locale.ROOT, "%.3fx", perSecond / baseline);
        System.out.printf(Locale.ROOT, "%-46s %,12.0f takes/s  %9.1f us per take and thread (%d threads)  %s of in-memory%n",
                name, perSecond, threads * 1e6 / perSecond, threads, ratio);
        return perSecond;
    }

    private static double run(Phase phase, int threads, int seconds) throws InterruptedException {
        LongAdder takes = new LongAdder();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread.ofPlatform().start(() -> {
                try {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (System.nanoTime() < end) {
                        phase.take("192.0.2." + random.nextInt(KEYS));
                        takes.increment();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        return takes.sum() / ((System.nanoTime() - start) / 1e9);
    }

    private interface Phase {
        boolean take(String key) throws Exception;
    }
}
