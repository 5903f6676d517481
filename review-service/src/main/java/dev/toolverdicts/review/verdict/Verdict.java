package dev.toolverdicts.review.verdict;

import dev.toolverdicts.events.review.ShipOrSkip;
import dev.toolverdicts.events.review.VerdictEvent;
import dev.toolverdicts.events.review.VerdictStatus;
import dev.toolverdicts.review.reviewer.Reviewer;
import dev.toolverdicts.publishedtools.PublishedTool;
import java.time.Instant;
import java.util.UUID;

/**
 * One reviewer's verdict on one tool as this service stores it. Every change makes a new value with the next
 * version; changes by the reviewer also add an entry to the history ({@code revisionCount} counts them).
 */
record Verdict(
        UUID id,
        UUID toolId,
        UUID reviewerId,
        ShipOrSkip verdict,
        String take,
        String modelVersion,
        VerdictStatus status,
        int revisionCount,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static final int MAX_TAKE_LENGTH = 4000;

    static Verdict first(UUID toolId, UUID reviewerId, VerdictContent content, Instant now) {
        return new Verdict(UUID.randomUUID(), toolId, reviewerId, content.verdict(), content.take(),
                content.modelVersion(), VerdictStatus.SUBMITTED, 1, 1, now, now);
    }

    VerdictContent content() {
        return new VerdictContent(verdict, take, modelVersion);
    }

    boolean withdrawn() {
        return status == VerdictStatus.WITHDRAWN;
    }

    Verdict changedTo(VerdictContent content, Instant now) {
        return new Verdict(id, toolId, reviewerId, content.verdict(), content.take(), content.modelVersion(),
                VerdictStatus.SUBMITTED, revisionCount + 1, version + 1, createdAt, now);
    }

    Verdict withdrawnAt(Instant now) {
        return new Verdict(id, toolId, reviewerId, null, null, null, VerdictStatus.WITHDRAWN, revisionCount + 1,
                version + 1, createdAt, now);
    }

    /** The same verdict again with the next version, for when something it carries from elsewhere changed. */
    Verdict republishedAt(Instant now) {
        return new Verdict(id, toolId, reviewerId, verdict, take, modelVersion, status, revisionCount, version + 1,
                createdAt, now);
    }

    VerdictEvent toEvent(PublishedTool tool, Reviewer reviewer) {
        return new VerdictEvent(id, version, toolId, tool.slug(), reviewerId, reviewer.displayName(),
                reviewer.lens(), verdict, take, modelVersion, status, revisionCount, updatedAt);
    }
}
