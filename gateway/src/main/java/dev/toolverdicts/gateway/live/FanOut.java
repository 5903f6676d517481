package dev.toolverdicts.gateway.live;

import java.util.Collection;
import java.util.concurrent.Executor;

/**
 * Writes one frame to many readers in batches, each batch one task on the writers: a handful of tasks per change
 * instead of one virtual thread (and its scheduling) per reader, and a reader whose socket is full stalls only the
 * readers of its own batch.
 */
final class FanOut {

    static final int BATCH = 128;

    private final Executor writers;

    FanOut(Executor writers) {
        this.writers = writers;
    }

    void deliver(Collection<LiveViews.Listener> listeners, byte[] frame) {
        LiveViews.Listener[] all = listeners.toArray(new LiveViews.Listener[0]);
        for (int from = 0; from < all.length; from += BATCH) {
            int start = from;
            int end = Math.min(all.length, from + BATCH);
            writers.execute(() -> {
                for (int i = start; i < end; i++) {
                    all[i].send(frame);
                }
            });
        }
    }
}
