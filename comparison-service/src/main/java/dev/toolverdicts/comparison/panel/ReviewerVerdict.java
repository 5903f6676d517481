package dev.toolverdicts.comparison.panel;

import dev.toolverdicts.events.review.Lens;
import dev.toolverdicts.events.review.ShipOrSkip;
import java.util.Comparator;
import java.util.UUID;

/** One panel reviewer's current verdict on one tool, with the take and how many revisions the verdict went through. */
public record ReviewerVerdict(
        UUID reviewerId,
        String reviewer,
        Lens lens,
        ShipOrSkip verdict,
        String take,
        int revisionCount,
        String modelVersion) {

    /** Panel order: by lens (builder, skeptic, futurist, buyer), then name. */
    public static final Comparator<ReviewerVerdict> PANEL_ORDER = Comparator
            .comparing(ReviewerVerdict::lens, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ReviewerVerdict::reviewer, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ReviewerVerdict::reviewerId);

    public PanelReviewer panelReviewer() {
        return new PanelReviewer(reviewerId, reviewer, lens);
    }
}
