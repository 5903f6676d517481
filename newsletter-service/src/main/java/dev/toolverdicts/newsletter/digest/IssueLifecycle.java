package dev.toolverdicts.newsletter.digest;

import dev.toolverdicts.events.newsletter.NewsletterIssueStatus;
import dev.toolverdicts.newsletter.delivery.DeliveryReport;
import dev.toolverdicts.newsletter.delivery.IssueSender;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens and closes issues, each step in one transaction with its event. Opening fixes the content and the
 * recipient list; a week that has an issue already keeps it, whoever opened it.
 */
@Component
class IssueLifecycle {

    private static final DeliveryReport NO_DELIVERIES = new DeliveryReport(0, 0, 0, 0, 0, 0);

    private final IssueRepository issues;
    private final DigestBuilder builder;
    private final DigestRenderer renderer;
    private final IssueContent content;
    private final IssueSender sender;
    private final IssueEvents events;
    private final Clock clock;

    IssueLifecycle(IssueRepository issues, DigestBuilder builder, DigestRenderer renderer, IssueContent content,
            IssueSender sender, IssueEvents events, Clock clock) {
        this.issues = issues;
        this.builder = builder;
        this.renderer = renderer;
        this.content = content;
        this.sender = sender;
        this.events = events;
        this.clock = clock;
    }

    /** The week's issue: the existing one, or a new one (QUIET when nothing changed, else SENDING with recipients). */
    @Transactional
    Issue open(IsoWeek week) {
        var existing = issues.find(week.toString());
        if (existing.isPresent()) {
            return existing.get();
        }
        Digest digest = builder.build(week);
        DigestRenderer.Rendered rendered = renderer.render(digest);
        Instant now = clock.instant();
        NewsletterIssueStatus status = digest.quiet() ? NewsletterIssueStatus.QUIET : NewsletterIssueStatus.SENDING;
        Issue issue = new Issue(week.toString(), status, 1, rendered.subject(), digest.periodStart(),
                digest.periodEnd(), content.write(digest.items()), rendered.html(), rendered.text(), 0, now,
                digest.quiet() ? now : null);
        if (!issues.insertIfAbsent(issue)) {
            return issues.find(week.toString()).orElseThrow();
        }
        DeliveryReport report = NO_DELIVERIES;
        if (!digest.quiet()) {
            int recipients = sender.enqueueRecipients(issue.isoWeek());
            issues.recipients(issue.isoWeek(), recipients);
            report = new DeliveryReport(recipients, 0, 0, 0, 0, recipients);
        }
        events.published(issue, digest.items().size(), report, now);
        return issues.find(week.toString()).orElseThrow();
    }

    /** SENDING to SENT once no delivery is open any more; false if some are still open. */
    @Transactional
    boolean finish(Issue issue, DeliveryReport report) {
        if (report.open() > 0) {
            return false;
        }
        Instant now = clock.instant();
        if (issues.markSent(issue.isoWeek(), now)) {
            Issue sent = issues.find(issue.isoWeek()).orElseThrow();
            events.published(sent, content.read(sent.itemsJson()).size(), report, now);
        }
        return true;
    }
}
