package dev.toolverdicts.newsletter.feed;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the digest reads from the feed: the changes of a period, and the tallies of a week. */
@Repository
public class FeedQueries {

    private final JdbcClient jdbc;

    FeedQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Changes in {@code [from, to)}, oldest first; new tools only while they are still published. */
    public List<LoggedChange> changesBetween(Instant from, Instant to) {
        return jdbc.sql("""
                        select c.kind, c.occurred_at, c.tool_slug, coalesce(t.name, c.tool_slug) as tool_name,
                               t.vendor, t.category, t.tagline, c.other_tool_slug,
                               coalesce(o.name, c.other_tool_slug) as other_tool_name, c.headline, c.reviewer_name,
                               c.lens, c.from_verdict, c.to_verdict, c.take
                          from feed_change c
                          left join feed_tool t on t.tool_id = c.tool_id
                          left join feed_tool o on o.tool_id = c.other_tool_id
                         where c.occurred_at >= ? and c.occurred_at < ?
                           and (c.kind <> 'NEW_TOOL' or t.status = 'PUBLISHED')
                         order by c.occurred_at, c.id""")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, row) -> new LoggedChange(ChangeKind.valueOf(rs.getString("kind")),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("tool_slug"),
                        rs.getString("tool_name"), rs.getString("vendor"), rs.getString("category"),
                        rs.getString("tagline"), rs.getString("other_tool_slug"), rs.getString("other_tool_name"),
                        rs.getString("headline"), rs.getString("reviewer_name"), rs.getString("lens"),
                        rs.getString("from_verdict"), rs.getString("to_verdict"), rs.getString("take")))
                .list();
    }

    /** The tallies of the week starting on {@code monday} for every tool voted on in it. */
    public List<TallyWeek> tallyWeek(LocalDate monday) {
        return jdbc.sql("""
                        select w.slug, coalesce(t.name, w.slug) as tool_name, w.open_ship, w.open_skip,
                               w.close_ship, w.close_skip
                          from tally_week w
                          left join feed_tool t on t.tool_id = w.tool_id
                         where w.week_start = ?
                         order by w.slug""")
                .param(Date.valueOf(monday))
                .query((rs, row) -> new TallyWeek(rs.getString("slug"), rs.getString("tool_name"),
                        rs.getLong("open_ship"), rs.getLong("open_skip"), rs.getLong("close_ship"),
                        rs.getLong("close_skip")))
                .list();
    }
}
