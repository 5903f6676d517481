package dev.toolverdicts.comparison.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.toolverdicts.comparison.store.ActiveGenerationChanged;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Views served from memory, kept coherent with the tables: the projection invalidates what it changed right after
 * its commit, every replica invalidates what the view feed announces, and a load that raced with an invalidation is
 * not kept (every invalidation bumps an epoch first, and a loader that sees the epoch moved drops what it just put),
 * so a stale view cannot stay cached. Entries also expire after {@code comparison.cache.max-age} (60 s by default): the
 * bound for a change the feed cannot name (a reviewer with no verdict yet joins the roster) or could not deliver (the
 * broker unreachable while another replica's database commit went through).
 */
@Component
public class HotViews {

    private final Cache<String, Object> cache;
    private final AtomicLong epoch = new AtomicLong();

    HotViews(@Value("${comparison.cache.max-age:60s}") Duration maxAge) {
        this.cache = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(maxAge).build();
    }

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
