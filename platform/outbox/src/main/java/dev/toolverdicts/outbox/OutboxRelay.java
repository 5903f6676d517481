package dev.toolverdicts.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The background thread that drains the outbox to Kafka: right after a committing append, otherwise every poll
 * interval; after a failure it backs off (doubling up to a maximum) and retries forever. Now and then it deletes
 * published rows older than the retention. Started once the context is ready, stopped first on shutdown.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration CLEANUP_INTERVAL = Duration.ofHours(1);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final OutboxBatchPublisher publisher;
    private final OutboxRepository repository;
    private final OutboxSignal signal;
    private final OutboxProperties properties;
    private final Clock clock;

    private volatile Thread thread;
    private volatile CountDownLatch stopRequested;
    private Instant nextCleanup = Instant.MIN;

    OutboxRelay(OutboxBatchPublisher publisher, OutboxRepository repository, OutboxSignal signal,
            OutboxProperties properties, Clock clock) {
        this.publisher = publisher;
        this.repository = repository;
        this.signal = signal;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        CountDownLatch stop = new CountDownLatch(1);
        stopRequested = stop;
        thread = Thread.ofPlatform().name("outbox-relay").daemon().start(() -> run(stop));
    }

    @Override
    public synchronized void stop() {
        Thread running = thread;
        if (running == null) {
            return;
        }
        stopRequested.countDown();
        signal.wakeUp();
        try {
            if (!running.join(STOP_TIMEOUT)) {
                running.interrupt();
                running.join(STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** Wakes the relay up now, e.g. after rows were added outside {@link Outbox#append}. */
    public void wakeUp() {
        signal.wakeUp();
    }

    private void run(CountDownLatch stop) {
        Duration backoff = properties.pollInterval();
        while (stop.getCount() > 0) {
            try {
                OutboxBatchPublisher.Result result = publisher.publishBatch();
                if (result.failed()) {
                    pause(stop, backoff);
                    backoff = doubled(backoff);
                    continue;
                }
                backoff = properties.pollInterval();
                if (result.claimed() >= properties.batchSize()) {
                    continue;
                }
                cleanUpWhenDue();
                signal.await(properties.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox relay drain failed, retrying in {}", backoff, e);
                if (!pauseQuietly(stop, backoff)) {
                    return;
                }
                backoff = doubled(backoff);
            }
        }
    }

    private void cleanUpWhenDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextCleanup)) {
            return;
        }
        int deleted = repository.deletePublishedBefore(now.minus(properties.retention()));
        if (deleted > 0) {
            log.info("Outbox relay deleted {} rows published before the retention of {}", deleted,
                    properties.retention());
        }
        nextCleanup = now.plus(CLEANUP_INTERVAL);
    }

    private Duration doubled(Duration backoff) {
        Duration next = backoff.multipliedBy(2);
        return next.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : next;
    }

    private static void pause(CountDownLatch stop, Duration duration) throws InterruptedException {
        stop.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static boolean pauseQuietly(CountDownLatch stop, Duration duration) {
        try {
            pause(stop, duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
