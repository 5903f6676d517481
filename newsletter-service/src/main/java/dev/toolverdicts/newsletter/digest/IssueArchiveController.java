package dev.toolverdicts.newsletter.digest;

import dev.toolverdicts.events.newsletter.NewsletterIssueStatus;
import dev.toolverdicts.problem.FieldProblem;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public archive of issues that went out, for the web app to render; quiet weeks are not issues readers got. */
@RestController
@RequestMapping("/api/newsletter/issues")
class IssueArchiveController {

    private static final int MAX_LIMIT = 200;

    private final IssueRepository issues;
    private final IssueContent content;

    IssueArchiveController(IssueRepository issues, IssueContent content) {
        this.issues = issues;
        this.content = content;
    }

    record IssueSummary(String isoWeek, String status, String subject, Instant periodStart, Instant periodEnd,
            Instant sentAt, int itemCount) {
    }

    record IssueDetail(String isoWeek, String status, String subject, Instant periodStart, Instant periodEnd,
            Instant sentAt, List<DigestSection> sections) {
    }

    @GetMapping
    List<IssueSummary> list(@RequestParam(defaultValue = "52") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new FieldProblem(HttpStatus.BAD_REQUEST, "limit", "must be between 1 and " + MAX_LIMIT);
        }
        return issues.archive(limit).stream()
                .map(issue -> new IssueSummary(issue.isoWeek(), issue.status().name(), issue.subject(),
                        issue.periodStart(), issue.periodEnd(), issue.createdAt(),
                        content.read(issue.itemsJson()).size()))
                .toList();
    }

    @GetMapping("/{isoWeek}")
    IssueDetail get(@PathVariable String isoWeek) {
        String week = IsoWeek.parse(isoWeek, "isoWeek").toString();
        Issue issue = issues.find(week)
                .filter(found -> found.status() != NewsletterIssueStatus.QUIET)
                .orElseThrow(() -> new FieldProblem(HttpStatus.NOT_FOUND, "isoWeek", "no issue went out in " + week));
        return new IssueDetail(issue.isoWeek(), issue.status().name(), issue.subject(), issue.periodStart(),
                issue.periodEnd(), issue.createdAt(), Digest.sections(content.read(issue.itemsJson())));
    }
}
