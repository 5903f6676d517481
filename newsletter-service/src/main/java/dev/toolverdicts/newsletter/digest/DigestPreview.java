package dev.toolverdicts.newsletter.digest;

import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The coming issue as it would go out now: this week's if it is not out yet, else next week's so far. */
@Component
class DigestPreview {

    private final IssueRepository issues;
    private final DigestBuilder builder;
    private final DigestRenderer renderer;
    private final JdbcClient jdbc;
    private final Clock clock;

    DigestPreview(IssueRepository issues, DigestBuilder builder, DigestRenderer renderer, JdbcClient jdbc,
            Clock clock) {
        this.issues = issues;
        this.builder = builder;
        this.renderer = renderer;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Preview(String isoWeek, String periodStart, String periodEnd, boolean quiet, long recipients,
            String subject, List<DigestSection> sections, String html, String text) {
    }

    Preview coming() {
        IsoWeek week = IsoWeek.of(clock.instant());
        if (issues.find(week.toString()).isPresent()) {
            week = week.next();
        }
        Digest digest = builder.build(week);
        DigestRenderer.Rendered rendered = renderer.render(digest);
        long recipients = jdbc.sql("select count(*) from subscriber where status = 'CONFIRMED'")
                .query(Long.class).single();
        return new Preview(week.toString(), digest.periodStart().toString(), digest.periodEnd().toString(),
                digest.quiet(), recipients, rendered.subject(), digest.sections(), rendered.html(), rendered.text());
    }
}
