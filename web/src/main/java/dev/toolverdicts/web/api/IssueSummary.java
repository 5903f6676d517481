package dev.toolverdicts.web.api;

import java.time.Instant;

/** One past newsletter issue in the archive. */
public record IssueSummary(String isoWeek, String subject, Instant sentAt, int itemCount) {
}
