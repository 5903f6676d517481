package dev.toolverdicts.events.newsletter;

import java.time.Instant;

/**
 * The whole state of one weekly newsletter issue after a change, keyed by its ISO week ({@code 2026-W48}): opened
 * and SENDING (version 1), then SENT with its delivery counts (version 2); a QUIET week had nothing to report and
 * was not mailed. {@code periodStart} (inclusive) to {@code periodEnd} (exclusive) is the week the issue covers.
 * {@code inDoubt} counts mails whose SMTP hand-over was cut short by a crash: maybe delivered, never sent again.
 * Within v1, fields may only be added, and only as optional ones.
 */
public record NewsletterIssueEvent(
        String isoWeek,
        long version,
        NewsletterIssueStatus status,
        String subject,
        Instant periodStart,
        Instant periodEnd,
        int itemCount,
        int recipients,
        int sent,
        int failed,
        int inDoubt,
        Instant changedAt) {
}
