package dev.toolverdicts.newsletter.digest;

import dev.toolverdicts.events.newsletter.NewsletterIssueStatus;
import java.time.Instant;

/** A stored issue: its week, state, fixed content and when it was opened and finished. */
record Issue(String isoWeek, NewsletterIssueStatus status, long version, String subject, Instant periodStart,
        Instant periodEnd, String itemsJson, String html, String text, int recipients, Instant createdAt,
        Instant finishedAt) {
}
