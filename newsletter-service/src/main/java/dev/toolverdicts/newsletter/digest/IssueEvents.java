package dev.toolverdicts.newsletter.digest;

import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.events.newsletter.NewsletterIssueEvent;
import dev.toolverdicts.newsletter.delivery.DeliveryReport;
import dev.toolverdicts.outbox.Outbox;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Publishes each state of an issue on {@code newsletter.issue.v1} through the outbox, in the changing transaction. */
@Component
class IssueEvents {

    private final Outbox outbox;

    IssueEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void published(Issue issue, int itemCount, DeliveryReport report, Instant now) {
        NewsletterIssueEvent event = new NewsletterIssueEvent(issue.isoWeek(), issue.version(), issue.status(),
                issue.subject(), issue.periodStart(), issue.periodEnd(), itemCount, report.recipients(),
                report.sent(), report.failed(), report.inDoubt(), now);
        outbox.append(EventTypes.NEWSLETTER_ISSUE, event);
    }
}
