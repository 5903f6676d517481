package dev.toolverdicts.comparison.community;

import dev.toolverdicts.events.vote.VoteTallyEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tally rows of the read model. Each event carries a tool's whole tally, so applying one is an upsert guarded by
 * version: duplicates, redeliveries, replays and late older events leave the row as it is.
 */
@Repository
public class CommunityTallies {

    private final JdbcClient jdbc;

    CommunityTallies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True if the event was newer than what the view held and is now applied; false for duplicates and older ones. */
    boolean apply(VoteTallyEvent event, Instant now) {
        return jdbc.sql("""
                        insert into community_tally (tool_id, slug, ship, skip, flagged, tally_version, changed_at,
                                                     applied_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tool_id) do update
                           set slug = excluded.slug, ship = excluded.ship, skip = excluded.skip,
                               flagged = excluded.flagged, tally_version = excluded.tally_version,
                               changed_at = excluded.changed_at, applied_at = excluded.applied_at
                         where community_tally.tally_version < excluded.tally_version""")
                .params(event.toolId(), event.slug(), event.ship(), event.skip(), event.flagged(), event.version(),
                        Timestamp.from(event.changedAt()), Timestamp.from(now))
                .update() == 1;
    }

    /** The tool's community tally, or {@link CommunityTally#NONE} while nobody has voted. */
    public CommunityTally of(UUID toolId) {
        return jdbc.sql("select ship, skip, flagged, tally_version from community_tally where tool_id = ?")
                .param(toolId)
                .query((rs, row) -> new CommunityTally(rs.getLong("ship"), rs.getLong("skip"), rs.getLong("flagged"),
                        rs.getLong("tally_version")))
                .optional()
                .orElse(CommunityTally.NONE);
    }
}
