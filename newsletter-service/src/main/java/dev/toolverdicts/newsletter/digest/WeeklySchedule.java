package dev.toolverdicts.newsletter.digest;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Fires the weekly digest on {@code newsletter.digest.cron} (default Monday 09:00 UTC) on every instance; the job's
 * lock lets one of them run it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class WeeklySchedule {

    private final WeeklyDigestJob job;

    WeeklySchedule(WeeklyDigestJob job) {
        this.job = job;
    }

    @Scheduled(cron = "${newsletter.digest.cron:0 0 9 * * MON}", zone = "${newsletter.digest.zone:UTC}")
    void weekly() {
        job.run();
    }
}
