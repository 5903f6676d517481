package dev.toolverdicts.comparison.ingest;

import dev.toolverdicts.comparison.cache.HotViews;
import dev.toolverdicts.comparison.cache.ViewCacheKeys;
import dev.toolverdicts.comparison.feed.ViewChangeFeed;
import dev.toolverdicts.comparison.feed.ViewKey;
import dev.toolverdicts.comparison.store.ViewGeneration;
import dev.toolverdicts.comparison.store.ViewGenerations;
import dev.toolverdicts.events.comparison.ViewChangedEvent.Kind;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one event to the read model in one transaction: to the serving generation and, during a rebuild, to the
 * one being built; announces the changed views through the outbox in the same transaction; after the commit drops
 * them from this replica's memory cache at once. Live streams, on this replica as on every other, hear of the change
 * from the view feed ({@code ViewFeedReader}), so each stream gets it once.
 */
@Component
public class ProjectionApplier {

    private final TransactionTemplate tx;
    private final ViewGenerations generations;
    private final Projections projections;
    private final AffectedViews affected;
    private final ViewChangeFeed feed;
    private final HotViews hot;
    private final ProjectionMeters meters;
    private final Clock clock;

    ProjectionApplier(TransactionTemplate tx, ViewGenerations generations, Projections projections,
            AffectedViews affected, ViewChangeFeed feed, HotViews hot, ProjectionMeters meters, Clock clock) {
        this.tx = tx;
        this.generations = generations;
        this.projections = projections;
        this.affected = affected;
        this.feed = feed;
        this.hot = hot;
        this.meters = meters;
        this.clock = clock;
    }

    /** True if the event changed the serving views; false for duplicates and older versions. */
    public boolean apply(Object event) {
        String topic = projections.topic(event);
        Instant changedAt = projections.changedAt(event);
        Instant now = clock.instant();
        Applied applied = tx.execute(status -> {
            ViewChanges served = ViewChanges.NONE;
            ViewGeneration active = null;
            for (ViewGeneration target : generations.lockTargets()) {
                ViewChanges changes = projections.apply(target.schema(), event);
                if (target.active()) {
                    served = changes;
                    active = target;
                }
            }
            if (active == null || !served.applied()) {
                return new Applied(served, List.of());
            }
            List<ViewKey> keys = affected.of(active.schema(), served);
            feed.record(keys, topic, changedAt, now);
            return new Applied(served, keys);
        });
        if (!applied.changes().applied()) {
            return false;
        }
        if (applied.changes().wide()) {
            hot.invalidateAll();
        } else {
            hot.invalidate(cacheKeys(applied.keys()));
        }
        meters.applied(topic, changedAt, now);
        return true;
    }

    private static List<String> cacheKeys(List<ViewKey> keys) {
        List<String> names = new ArrayList<>();
        for (ViewKey key : keys) {
            names.add(key.kind() == Kind.TOOL ? ViewCacheKeys.tool(key.slug()) : ViewCacheKeys.matchup(key.slug()));
        }
        return names;
    }

    private record Applied(ViewChanges changes, List<ViewKey> keys) {
    }
}
