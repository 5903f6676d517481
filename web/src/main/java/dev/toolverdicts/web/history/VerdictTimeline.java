package dev.toolverdicts.web.history;

import dev.toolverdicts.web.api.ReviewApi;
import dev.toolverdicts.web.api.Revision;
import dev.toolverdicts.web.api.Verdict;
import dev.toolverdicts.web.page.Concurrently;
import dev.toolverdicts.web.reviewer.PanelRoster;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The panel's calls on one tool as a timeline, newest first, from each verdict's revision history. */
public record VerdictTimeline(List<TimelineEntry> entries) {

    public static final VerdictTimeline EMPTY = new VerdictTimeline(List.of());

    public VerdictTimeline {
        entries = List.copyOf(entries);
    }

    public static VerdictTimeline of(List<Verdict> verdicts, Map<String, List<Revision>> revisions, PanelRoster roster) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (Verdict verdict : verdicts) {
            for (Revision revision : revisions.getOrDefault(verdict.id(), List.of())) {
                entries.add(new TimelineEntry(verdict, roster.byId(verdict.reviewerId()), revision));
            }
        }
        entries.sort(Comparator.comparing((TimelineEntry e) -> e.revision().changedAt() == null ? Instant.MIN
                : e.revision().changedAt()).thenComparing(e -> e.revision().number()).reversed());
        return new VerdictTimeline(entries);
    }

    /** Reads the tool's verdicts and each one's history from review-service. */
    public static VerdictTimeline read(ReviewApi reviews, String toolSlug, PanelRoster roster) {
        List<Verdict> verdicts = reviews.verdictsFor(toolSlug);
        Map<String, List<Revision>> revisions = Concurrently.each(verdicts.stream().map(Verdict::id).toList(),
                reviews::revisions);
        return of(verdicts, revisions, roster);
    }

    /** The id of this reviewer's verdict on the tool, for a link to its history, or null. */
    public String verdictIdOf(String reviewerId) {
        return entries.stream().filter(e -> e.verdict().reviewerId().equals(reviewerId)).findFirst()
                .map(e -> e.verdict().id()).orElse(null);
    }

    /** The same entries with reviewers looked up in {@code roster} (for links and disclosure markers). */
    public VerdictTimeline withRoster(PanelRoster roster) {
        return new VerdictTimeline(entries.stream()
                .map(e -> new TimelineEntry(e.verdict(), roster.byId(e.verdict().reviewerId()), e.revision()))
                .toList());
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** How many changes flipped a call from SHIP to SKIP or back. */
    public long flips() {
        return entries.stream().filter(e -> e.revision().flipped()).count();
    }
}
