package dev.toolverdicts.ratelimits;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps {@code rate_limit_bucket} as small as the set of subjects that are actually limited right now, on its own
 * thread so a service needs no {@code @EnableScheduling} for it. Every instance runs it; the delete is idempotent.
 */
final class FullBucketCleanup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FullBucketCleanup.class);

    private final TokenBuckets buckets;
    private final Duration every;
    private ScheduledExecutorService executor;

    FullBucketCleanup(TokenBuckets buckets, Duration every) {
        this.buckets = buckets;
        this.every = every;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rate-limit-cleanup");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::dropFullBuckets, every.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void dropFullBuckets() {
        try {
            buckets.dropFullBuckets();
        } catch (RuntimeException e) {
            log.warn("Could not delete full rate-limit buckets; trying again in {}", every, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
