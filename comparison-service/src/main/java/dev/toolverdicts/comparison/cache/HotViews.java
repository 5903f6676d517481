package dev.toolverdicts.comparison.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.toolverdicts.comparison.store.ActiveGenerationChanged;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Views served from memory, kept coherent with the tables: the projection invalidates what it changed right after
 * its commit, and a load that raced with an invalidation is not kept (every invalidation bumps an epoch first, and a
 * loader that sees the epoch moved drops what it just put), so a stale view can never stay cached.
 */
@Component
public class HotViews {

    private final Cache<String, Object> cache = Caffeine.newBuilder().maximumSize(10_000).build();
    private final AtomicLong epoch = new AtomicLong();

    /** The cached value, or the loaded one (cached unless empty or raced by an invalidation). */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> get(String key, Supplier<Optional<T>> loader) {
        Object hit = cache.getIfPresent(key);
        if (hit != null) {
            return Optional.of((T) hit);
        }
        long before = epoch.get();
        Optional<T> loaded = loader.get();
        loaded.ifPresent(value -> {
            cache.put(key, value);
            if (epoch.get() != before) {
                cache.invalidate(key);
            }
        });
        return loaded;
    }

    public void invalidate(Collection<String> keys) {
        epoch.incrementAndGet();
        cache.invalidateAll(keys);
    }

    public void invalidateAll() {
        epoch.incrementAndGet();
        cache.invalidateAll();
    }

    @EventListener
    void on(ActiveGenerationChanged swapped) {
        invalidateAll();
    }
}
