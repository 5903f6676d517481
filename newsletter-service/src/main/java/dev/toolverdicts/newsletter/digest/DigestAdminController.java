package dev.toolverdicts.newsletter.digest;

import dev.toolverdicts.events.newsletter.NewsletterIssueStatus;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * For ADMIN (and the NEWSLETTER machine client): preview the coming issue, and trigger this week's send now. The
 * send runs in the background under the job's lock, exactly as the cron runs it; the answer says which week.
 */
@RestController
@RequestMapping("/api/newsletter/admin")
class DigestAdminController implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DigestAdminController.class);

    private final DigestPreview preview;
    private final WeeklyDigestJob job;
    private final IssueRepository issues;
    private final Clock clock;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    DigestAdminController(DigestPreview preview, WeeklyDigestJob job, IssueRepository issues, Clock clock) {
        this.preview = preview;
        this.job = job;
        this.issues = issues;
        this.clock = clock;
    }

    @GetMapping("/preview")
    DigestPreview.Preview preview() {
        return preview.coming();
    }

    @GetMapping(path = "/preview", produces = MediaType.TEXT_HTML_VALUE)
    String previewHtml() {
        return preview.coming().html();
    }

    @PostMapping("/send")
    ResponseEntity<Map<String, String>> send() {
        String week = IsoWeek.of(clock.instant()).toString();
        var existing = issues.find(week).filter(issue -> issue.status() != NewsletterIssueStatus.SENDING);
        if (existing.isPresent()) {
            return ResponseEntity.ok(Map.of("isoWeek", week, "status", existing.get().status().name()));
        }
        background.execute(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                log.error("digest send for {} triggered by an admin failed", week, e);
            }
        });
        return ResponseEntity.accepted().body(Map.of("isoWeek", week, "status", "STARTED"));
    }

    @Override
    public void destroy() {
        background.close();
    }
}
