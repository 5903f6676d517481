package dev.toolverdicts.newsletter.digest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the weekly digest.
 *
 * @param cron when the job runs (Spring cron; {@code -} turns it off)
 * @param zone the time zone of {@code cron}
 * @param swingPoints how many percentage points the community's SHIP share must move in a week to be news
 * @param swingMinVotes how many votes a tool needs at both ends of the week for its swing to count
 * @param lockAtMostFor how long the job's lock outlives a crashed instance (kept alive while the job runs)
 * @param lockAtLeastFor how long the lock is held at least, against instances whose clocks differ slightly
 */
@ConfigurationProperties("newsletter.digest")
public record DigestProperties(
        @DefaultValue("0 0 9 * * MON") String cron,
        @DefaultValue("UTC") String zone,
        @DefaultValue("15") int swingPoints,
        @DefaultValue("10") int swingMinVotes,
        @DefaultValue("30s") Duration lockAtMostFor,
        @DefaultValue("30s") Duration lockAtLeastFor) {
}
