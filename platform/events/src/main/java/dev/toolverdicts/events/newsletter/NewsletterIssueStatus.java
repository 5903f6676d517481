package dev.toolverdicts.events.newsletter;

/** Where a weekly issue stands: being mailed, mailed to every recipient, or a quiet week that was not mailed. */
public enum NewsletterIssueStatus {
    SENDING,
    SENT,
    QUIET
}
