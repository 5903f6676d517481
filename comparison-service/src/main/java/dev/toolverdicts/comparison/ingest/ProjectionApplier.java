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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one event, or a poll's events, to the read model in one transaction: to the serving generation and, during
 * a rebuild, to the one being built; announces the changed views through the outbox in the same transaction; after the commit drops
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
        return applyAll(List.of(event)).getFirst();
    }

    /**
     * Applies a poll's events in one transaction: of each version-guarded key only the newest version
     * ({@link Projections#coalesce}), each changed view found once and announced once (with the newest change of the
     * topic that changed it), the cache dropped once after the commit. Returns, for each event, whether it changed
     * the serving views: an event a newer one of its key superseded in the batch counts as that one does.
     */
    public List<Boolean> applyAll(List<?> events) {
        Coalesced coalesced = projections.coalesce(events);
        Instant now = clock.instant();
        Applied applied = tx.execute(status -> {
            boolean[] served = new boolean[coalesced.events().size()];
            Map<String, TopicChanges> byTopic = new LinkedHashMap<>();
            ViewGeneration active = null;
            List<ViewGeneration> targets = generations.lockTargets();
            for (int i = 0; i < served.length; i++) {
                Object event = coalesced.events().get(i);
                for (ViewGeneration target : targets) {
                    ViewChanges changes = projections.apply(target.schema(), event);
                    if (target.active()) {
                        active = target;
                        served[i] = changes.applied();
                        if (changes.applied()) {
                            byTopic.computeIfAbsent(projections.topic(event), TopicChanges::new)
                                    .add(changes, projections.changedAt(event));
                        }
                    }
                }
            }
            if (active == null || byTopic.isEmpty()) {
                return new Applied(served, false, List.of());
            }
            // wide changes first: a view changed by both is announced with the cause that drops every cached view
            List<TopicChanges> ordered = new ArrayList<>(byTopic.values());
            ordered.sort(Comparator.comparing(changes -> !changes.wide));
            Set<ViewKey> announced = new LinkedHashSet<>();
            for (TopicChanges changes : ordered) {
                List<ViewKey> keys = affected.of(active.schema(), changes.union()).stream()
                        .filter(announced::add).toList();
                feed.record(keys, changes.topic, changes.newest, now);
            }
            return new Applied(served, ordered.getFirst().wide, List.copyOf(announced));
        });
        List<Boolean> outcomes = new ArrayList<>(events.size());
        for (int winner : coalesced.winnerOf()) {
            outcomes.add(applied.served()[winner]);
        }
        if (applied.wide()) {
            hot.invalidateAll();
        } else if (!applied.keys().isEmpty()) {
            hot.invalidate(cacheKeys(applied.keys()));
        }
        for (int i = 0; i < applied.served().length; i++) {
            if (applied.served()[i]) {
                Object event = coalesced.events().get(i);
                meters.applied(projections.topic(event), projections.changedAt(event), now);
            }
        }
        return outcomes;
    }

    private static List<String> cacheKeys(List<ViewKey> keys) {
        List<String> names = new ArrayList<>();
        for (ViewKey key : keys) {
            names.add(key.kind() == Kind.TOOL ? ViewCacheKeys.tool(key.slug()) : ViewCacheKeys.matchup(key.slug()));
        }
        return names;
    }

    private record Applied(boolean[] served, boolean wide, List<ViewKey> keys) {
    }

    /** What a batch's events of one topic changed, together, and the newest of those changes. */
    private static final class TopicChanges {

        final String topic;
        final Set<UUID> tools = new LinkedHashSet<>();
        final Set<UUID> matchups = new LinkedHashSet<>();
        boolean wide;
        Instant newest;

        TopicChanges(String topic) {
            this.topic = topic;
        }

        void add(ViewChanges changes, Instant changedAt) {
            tools.addAll(changes.tools());
            matchups.addAll(changes.matchups());
            wide |= changes.wide();
            newest = newest == null || changedAt.isAfter(newest) ? changedAt : newest;
        }

        ViewChanges union() {
            return new ViewChanges(true, tools, matchups, wide);
        }
    }
}
