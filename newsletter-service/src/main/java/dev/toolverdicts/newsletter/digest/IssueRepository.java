package dev.toolverdicts.newsletter.digest;

import dev.toolverdicts.events.newsletter.NewsletterIssueStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Issue rows; the primary key on the ISO week is what makes "at most one issue per week" hold across instances. */
@Repository
class IssueRepository {

    private static final String COLUMNS = """
            iso_week, status, version, subject, period_start, period_end, items, html_body, text_body, recipients,
            created_at, finished_at""";

    private final JdbcClient jdbc;

    IssueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Issue> find(String isoWeek) {
        return jdbc.sql("select " + COLUMNS + " from issue where iso_week = ?")
                .param(isoWeek)
                .query(IssueRepository::map)
                .optional();
    }

    /** Inserts the issue unless its week has one already; true if this call created it. */
    boolean insertIfAbsent(Issue issue) {
        return jdbc.sql("""
                        insert into issue (iso_week, status, version, subject, period_start, period_end, items,
                                           html_body, text_body, recipients, created_at, finished_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (iso_week) do nothing""")
                .params(issue.isoWeek(), issue.status().name(), issue.version(), issue.subject(),
                        Timestamp.from(issue.periodStart()), Timestamp.from(issue.periodEnd()), issue.itemsJson(),
                        issue.html(), issue.text(), issue.recipients(), Timestamp.from(issue.createdAt()),
                        issue.finishedAt() == null ? null : Timestamp.from(issue.finishedAt()))
                .update() == 1;
    }

    void recipients(String isoWeek, int recipients) {
        jdbc.sql("update issue set recipients = ? where iso_week = ?").params(recipients, isoWeek).update();
    }

    /** SENDING to SENT, one version up; false if the issue was not SENDING. */
    boolean markSent(String isoWeek, Instant now) {
        return jdbc.sql("""
                        update issue set status = 'SENT', version = version + 1, finished_at = ?
                         where iso_week = ? and status = 'SENDING'""")
                .params(Timestamp.from(now), isoWeek)
                .update() == 1;
    }

    /** Issues that went out (or are going out), newest first. */
    List<Issue> archive(int limit) {
        return jdbc.sql("select " + COLUMNS + " from issue where status in ('SENDING', 'SENT') "
                        + "order by iso_week desc limit ?")
                .param(limit)
                .query(IssueRepository::map)
                .list();
    }

    private static Issue map(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Issue(rs.getString("iso_week"), NewsletterIssueStatus.valueOf(rs.getString("status")),
                rs.getLong("version"), rs.getString("subject"), rs.getTimestamp("period_start").toInstant(),
                rs.getTimestamp("period_end").toInstant(), rs.getString("items"), rs.getString("html_body"),
                rs.getString("text_body"), rs.getInt("recipients"), rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
