package dev.toolverdicts.newsletter.delivery;

/**
 * The fixed content of one issue as it goes to every recipient; both parts carry {@code unsubscribePlaceholder}
 * where each recipient's own unsubscribe link goes.
 */
public record IssueMail(String isoWeek, String subject, String html, String text, String unsubscribePlaceholder) {
}
