package dev.toolverdicts.web.page;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs a page's independent upstream reads at the same time on virtual threads, so a page that needs five answers
 * waits for the slowest one, not for their sum. A failed read fails the page exactly as if it had run alone.
 */
public final class Concurrently {

    private Concurrently() {
    }

    /** Applies {@code read} to every key at once; the answers keep the keys' order. */
    public static <K, V> Map<K, V> each(List<K> keys, Function<K, V> read) {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<K, Future<V>> pending = new LinkedHashMap<>();
            keys.forEach(key -> pending.put(key, pool.submit(() -> read.apply(key))));
            Map<K, V> answers = new LinkedHashMap<>();
            pending.forEach((key, future) -> answers.put(key, join(future)));
            return answers;
        }
    }

    /** The answer of a read started earlier, with its own exception if it failed. */
    public static <V> V join(Future<V> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading for a page", e);
        }
    }
}
