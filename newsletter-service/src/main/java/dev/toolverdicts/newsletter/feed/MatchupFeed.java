package dev.toolverdicts.newsletter.feed;

import dev.toolverdicts.consumers.EventHandler;
import dev.toolverdicts.events.EventType;
import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.events.Topics;
import dev.toolverdicts.events.catalog.MatchupEvent;
import dev.toolverdicts.events.catalog.MatchupStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Logs an editorial matchup of {@code catalog.matchup.v1} as new when it is first published. */
@Component
class MatchupFeed implements EventHandler<MatchupEvent> {

    private final JdbcClient jdbc;
    private final FeedChanges changes;
    private final FeedFreshness freshness;

    MatchupFeed(JdbcClient jdbc, FeedChanges changes, MeterRegistry registry, Clock clock) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.freshness = new FeedFreshness(registry, clock, Topics.CATALOG_MATCHUP);
    }

    @Override
    public EventType<MatchupEvent> type() {
        return EventTypes.CATALOG_MATCHUP;
    }

    @Override
    @Transactional
    public boolean apply(MatchupEvent event) {
        boolean applied = jdbc.sql("""
                        insert into feed_matchup (matchup_id, status, catalog_version) values (?, ?, ?)
                        on conflict (matchup_id) do update
                           set status = excluded.status, catalog_version = excluded.catalog_version
                         where feed_matchup.catalog_version < excluded.catalog_version""")
                .params(event.matchupId(), event.status().name(), event.version())
                .update() == 1;
        if (applied && event.status() == MatchupStatus.PUBLISHED) {
            changes.record(new FeedChanges.Change("NEW_MATCHUP:" + event.matchupId(), ChangeKind.NEW_MATCHUP,
                    event.publishedAt() != null ? event.publishedAt() : event.changedAt(),
                    event.toolAId(), event.toolASlug(), event.toolBId(), event.toolBSlug(), event.headline(),
                    null, null, null, null, null));
        }
        freshness.record(applied, event.changedAt());
        return applied;
    }
}
