package dev.toolverdicts.newsletter.feed;

import dev.toolverdicts.consumers.EventHandler;
import dev.toolverdicts.events.EventType;
import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.events.Topics;
import dev.toolverdicts.events.vote.VoteTallyEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Date;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each tool's community tally of {@code vote.tally.v1}, and per week the tally it opened and closed with, so
 * a digest can find big swings without keeping every vote.
 */
@Component
class TallyFeed implements EventHandler<VoteTallyEvent> {

    private final JdbcClient jdbc;
    private final FeedFreshness freshness;

    TallyFeed(JdbcClient jdbc, MeterRegistry registry, Clock clock) {
        this.jdbc = jdbc;
        this.freshness = new FeedFreshness(registry, clock, Topics.VOTE_TALLY);
    }

    private record Held(long version, long ship, long skip) {
    }

    @Override
    public EventType<VoteTallyEvent> type() {
        return EventTypes.VOTE_TALLY;
    }

    @Override
    @Transactional
    public boolean apply(VoteTallyEvent event) {
        Optional<Held> held = jdbc.sql("select tally_version, ship, skip from feed_tally where tool_id = ? for update")
                .param(event.toolId())
                .query((rs, row) -> new Held(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .optional();
        if (held.isPresent() && held.get().version() >= event.version()) {
            return false;
        }
        jdbc.sql("""
                        insert into feed_tally (tool_id, slug, ship, skip, tally_version) values (?, ?, ?, ?, ?)
                        on conflict (tool_id) do update
                           set slug = excluded.slug, ship = excluded.ship, skip = excluded.skip,
                               tally_version = excluded.tally_version""")
                .params(event.toolId(), event.slug(), event.ship(), event.skip(), event.version())
                .update();
        LocalDate weekStart = LocalDate.ofInstant(event.changedAt(), ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        jdbc.sql("""
                        insert into tally_week (tool_id, week_start, slug, open_ship, open_skip, close_ship, close_skip,
                                                close_version)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tool_id, week_start) do update
                           set slug = excluded.slug, close_ship = excluded.close_ship,
                               close_skip = excluded.close_skip, close_version = excluded.close_version
                         where tally_week.close_version < excluded.close_version""")
                .params(event.toolId(), Date.valueOf(weekStart), event.slug(),
                        held.map(Held::ship).orElse(0L), held.map(Held::skip).orElse(0L),
                        event.ship(), event.skip(), event.version())
                .update();
        freshness.record(true, event.changedAt());
        return true;
    }
}
