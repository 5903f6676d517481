package dev.toolverdicts.comparison.atom;

import dev.toolverdicts.comparison.atom.AtomFeed.Entry;
import dev.toolverdicts.comparison.atom.FeedRows.MatchupRow;
import dev.toolverdicts.comparison.atom.FeedRows.VerdictRow;
import dev.toolverdicts.comparison.store.ViewGenerations;
import dev.toolverdicts.comparison.store.ViewSchema;
import dev.toolverdicts.comparison.tool.ToolViews;
import dev.toolverdicts.problem.FieldProblem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Atom feeds for readers who follow the verdicts from elsewhere: every new or changed panel verdict (site-wide, per
 * tool, per reviewer) and the new matchups, from the active generation of the read model. Entries link to the site's
 * pages ({@code comparison.site-url}); a changed verdict is the same entry with a newer {@code updated}.
 */
@RestController
class FeedController {

    static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final FeedRows rows;
    private final ViewGenerations generations;
    private final ToolViews tools;
    private final String site;

    FeedController(FeedRows rows, ViewGenerations generations, ToolViews tools,
            @Value("${comparison.site-url:http://localhost:8080}") String site) {
        this.rows = rows;
        this.generations = generations;
        this.tools = tools;
        this.site = site.endsWith("/") ? site.substring(0, site.length() - 1) : site;
    }

    @GetMapping(value = "/feeds/verdicts.atom", produces = AtomFeed.MEDIA_TYPE)
    ResponseEntity<String> verdicts(WebRequest request) {
        ViewSchema schema = generations.active();
        return answer(new AtomFeed(site + "/feeds/verdicts.atom", "Tool Verdicts: new and changed verdicts",
                site + "/feeds/verdicts.atom", site + "/", verdictEntries(rows.verdicts(schema, null, null))), request);
    }

    @GetMapping(value = "/feeds/tools/{slug}/verdicts.atom", produces = AtomFeed.MEDIA_TYPE)
    ResponseEntity<String> toolVerdicts(@PathVariable String slug, WebRequest request) {
        String name = tools.get(slug).map(tool -> tool.body().name())
                .orElseThrow(() -> new FieldProblem(HttpStatus.NOT_FOUND, "slug", "no published tool is called " + slug));
        String self = site + "/feeds/tools/" + slug + "/verdicts.atom";
        return answer(new AtomFeed(self, "Tool Verdicts: verdicts on " + name, self, site + "/tools/" + slug,
                verdictEntries(rows.verdicts(generations.active(), slug, null))), request);
    }

    @GetMapping(value = "/feeds/reviewers/{reviewerId}/verdicts.atom", produces = AtomFeed.MEDIA_TYPE)
    ResponseEntity<String> reviewerVerdicts(@PathVariable String reviewerId, WebRequest request) {
        UUID id;
        try {
            id = UUID.fromString(reviewerId);
        } catch (IllegalArgumentException e) {
            throw new FieldProblem(HttpStatus.NOT_FOUND, "reviewerId", "not a reviewer id: " + reviewerId);
        }
        List<VerdictRow> verdicts = rows.verdicts(generations.active(), null, id);
        String reviewer = verdicts.isEmpty() ? "a reviewer" : verdicts.getFirst().reviewer();
        String self = site + "/feeds/reviewers/" + id + "/verdicts.atom";
        return answer(new AtomFeed(self, "Tool Verdicts: verdicts by " + reviewer, self, site + "/reviewers/" + id,
                verdictEntries(verdicts)), request);
    }

    @GetMapping(value = "/feeds/matchups.atom", produces = AtomFeed.MEDIA_TYPE)
    ResponseEntity<String> matchups(WebRequest request) {
        List<Entry> entries = rows.matchups(generations.active()).stream().map(this::entry).toList();
        return answer(new AtomFeed(site + "/feeds/matchups.atom", "Tool Verdicts: new matchups",
                site + "/feeds/matchups.atom", site + "/", entries), request);
    }

    private List<Entry> verdictEntries(List<VerdictRow> verdicts) {
        return verdicts.stream().map(this::entry).toList();
    }

    private Entry entry(VerdictRow verdict) {
        boolean withdrawn = verdict.verdict() == null;
        String title = verdict.reviewer() + (withdrawn ? " withdrew the verdict on " : " says " + verdict.verdict()
                + " to ") + verdict.toolName() + (verdict.revisionCount() > 1 && !withdrawn ? " (revised)" : "");
        return new Entry("urn:uuid:" + verdict.verdictId(), title, verdict.changedAt(),
                verdict.reviewer() == null ? "Tool Verdicts panel" : verdict.reviewer(),
                site + "/tools/" + verdict.toolSlug(), verdict.take(), withdrawn ? "WITHDRAWN" : verdict.verdict());
    }

    private Entry entry(MatchupRow matchup) {
        String title = matchup.headline() != null ? matchup.headline() : matchup.toolA() + " vs " + matchup.toolB();
        return new Entry("urn:uuid:" + matchup.matchupId(), title,
                matchup.publishedAt() != null ? matchup.publishedAt() : matchup.changedAt(), "Tool Verdicts editors",
                site + "/compare/" + matchup.slug(), matchup.toolA() + " vs " + matchup.toolB(), null);
    }

    private static ResponseEntity<String> answer(AtomFeed feed, WebRequest request) {
        String xml = feed.xml();
        String etag = "\"" + DigestUtils.md5DigestAsHex(xml.getBytes(StandardCharsets.UTF_8)) + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().cacheControl(CACHE).eTag(etag)
                .contentType(MediaType.parseMediaType(AtomFeed.MEDIA_TYPE + ";charset=UTF-8")).body(xml);
    }
}
