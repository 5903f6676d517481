package dev.toolverdicts.review.verdict;

import dev.toolverdicts.events.review.Lens;
import dev.toolverdicts.events.review.ShipOrSkip;
import dev.toolverdicts.events.review.VerdictStatus;
import dev.toolverdicts.review.reviewer.Reviewer;
import dev.toolverdicts.publishedtools.PublishedTool;
import java.time.Instant;
import java.util.UUID;

/** A verdict as the API shows it: with the tool's slug and the reviewer's name and lens. */
record VerdictResponse(
        UUID id,
        UUID toolId,
        String toolSlug,
        UUID reviewerId,
        String reviewerDisplayName,
        Lens lens,
        ShipOrSkip verdict,
        String take,
        String modelVersion,
        VerdictStatus status,
        int revisionCount,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static VerdictResponse of(Verdict verdict, PublishedTool tool, Reviewer reviewer) {
        return new VerdictResponse(verdict.id(), verdict.toolId(), tool.slug(), verdict.reviewerId(),
                reviewer.displayName(), reviewer.lens(), verdict.verdict(), verdict.take(), verdict.modelVersion(),
                verdict.status(), verdict.revisionCount(), verdict.version(), verdict.createdAt(),
                verdict.updatedAt());
    }
}
