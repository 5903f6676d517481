package dev.toolverdicts.newsletter.digest;

import dev.toolverdicts.events.newsletter.NewsletterIssueStatus;
import dev.toolverdicts.newsletter.delivery.DeliveryReport;
import dev.toolverdicts.newsletter.delivery.IssueMail;
import dev.toolverdicts.newsletter.delivery.IssueSender;
import dev.toolverdicts.newsletter.subscription.UnsubscribeLinks;
import java.time.Clock;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * One run of the weekly digest, from the cron or an admin: under the cluster-wide lock, open this week's issue (or
 * find it) and send whatever is still open of it. Running it again in the same week sends nothing twice: the issue
 * is unique per week and every delivery is sent at most once.
 */
@Service
public class WeeklyDigestJob {

    static final String LOCK_NAME = "newsletter-weekly-digest";
    private static final Logger log = LoggerFactory.getLogger(WeeklyDigestJob.class);

    /** What a run did. */
    public enum Outcome {
        /** Every delivery of the issue is done (this run sent some or all of them). */
        SENT,
        /** Nothing changed in the week: no mail, the issue is recorded as QUIET. */
        QUIET,
        /** The week's issue was done before this run. */
        ALREADY_DONE,
        /** Another instance holds the lock and is running the job. */
        RUNNING_ELSEWHERE
    }

    public record Result(String isoWeek, Outcome outcome, DeliveryReport report) {
    }

    private final IssueLifecycle lifecycle;
    private final IssueSender sender;
    private final UnsubscribeLinks unsubscribeLinks;
    private final LockingTaskExecutor lock;
    private final DigestProperties properties;
    private final Clock clock;

    WeeklyDigestJob(IssueLifecycle lifecycle, IssueSender sender, UnsubscribeLinks unsubscribeLinks,
            LockingTaskExecutor lock, DigestProperties properties, Clock clock) {
        this.lifecycle = lifecycle;
        this.sender = sender;
        this.unsubscribeLinks = unsubscribeLinks;
        this.lock = lock;
        this.properties = properties;
        this.clock = clock;
    }

    /** Runs the job for the current ISO week if no other instance is running it. */
    public Result run() {
        IsoWeek week = IsoWeek.of(clock.instant());
        LockConfiguration configuration = new LockConfiguration(ClockProvider.now(), LOCK_NAME,
                properties.lockAtMostFor(), properties.lockAtLeastFor());
        try {
            LockingTaskExecutor.TaskResult<Result> result = lock.executeWithLock(() -> runLocked(week), configuration);
            return result.wasExecuted() ? result.getResult() : new Result(week.toString(), Outcome.RUNNING_ELSEWHERE,
                    null);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("weekly digest run failed", e);
        }
    }

    private Result runLocked(IsoWeek week) {
        Issue issue = lifecycle.open(week);
        if (issue.status() == NewsletterIssueStatus.QUIET) {
            log.info("issue {}: quiet week, nothing mailed", issue.isoWeek());
            return new Result(issue.isoWeek(), Outcome.QUIET, null);
        }
        if (issue.status() == NewsletterIssueStatus.SENT) {
            return new Result(issue.isoWeek(), Outcome.ALREADY_DONE, null);
        }
        IssueMail mail = new IssueMail(issue.isoWeek(), issue.subject(), issue.html(), issue.text(),
                DigestRenderer.UNSUBSCRIBE_PLACEHOLDER);
        DeliveryReport report = sender.send(mail, unsubscribeLinks::of);
        lifecycle.finish(issue, report);
        log.info("issue {}: {} sent, {} failed, {} skipped, {} in doubt of {} recipients", issue.isoWeek(),
                report.sent(), report.failed(), report.skipped(), report.inDoubt(), report.recipients());
        return new Result(issue.isoWeek(), Outcome.SENT, report);
    }
}
