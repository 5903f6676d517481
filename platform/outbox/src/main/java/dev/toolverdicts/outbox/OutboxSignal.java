package dev.toolverdicts.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Lets a committing append wake the relay at once instead of waiting for its next poll. */
final class OutboxSignal {

    private final Semaphore permits = new Semaphore(0);

    void wakeUp() {
        if (permits.availablePermits() == 0) {
            permits.release();
        }
    }

    /** Waits until woken up or until the timeout passes. */
    void await(Duration timeout) throws InterruptedException {
        permits.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
        permits.drainPermits();
    }
}
