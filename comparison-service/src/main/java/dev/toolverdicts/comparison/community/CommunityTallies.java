package dev.toolverdicts.comparison.community;

import dev.toolverdicts.comparison.store.ViewSchema;
import dev.toolverdicts.events.vote.VoteTallyEvent;
import java.sql.Timestamp;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tally rows of one generation. Each event carries a tool's whole tally, so applying one is an upsert guarded by
 * version: duplicates, redeliveries, replays and late older events leave the row as it is.
 */
@Repository
public class CommunityTallies {

    private final JdbcClient jdbc;

    CommunityTallies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True if the event was newer than what the view held and is now applied; false for duplicates and older ones. */
    boolean apply(ViewSchema schema, VoteTallyEvent event) {
        return jdbc.sql("""
                        insert into %s as c (tool_id, ship, skip, flagged, version, changed_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (tool_id) do update
                           set ship = excluded.ship, skip = excluded.skip, flagged = excluded.flagged,
                               version = excluded.version, changed_at = excluded.changed_at
                         where c.version < excluded.version""".formatted(schema.table("community_tally")))
                .params(event.toolId(), event.ship(), event.skip(), event.flagged(), event.version(),
                        Timestamp.from(event.changedAt()))
                .update() == 1;
    }

    /** The tool's community tally, or {@link CommunityTally#NONE} while nobody has voted. */
    public CommunityTally of(ViewSchema schema, UUID toolId) {
        return jdbc.sql("select ship, skip, flagged, version from " + schema.table("community_tally")
                        + " where tool_id = ?")
                .param(toolId)
                .query((rs, row) -> new CommunityTally(rs.getLong("ship"), rs.getLong("skip"), rs.getLong("flagged"),
                        rs.getLong("version")))
                .optional()
                .orElse(CommunityTally.NONE);
    }
}
