package dev.toolverdicts.comparison.panel;

import dev.toolverdicts.events.review.Lens;
import java.util.Comparator;
import java.util.UUID;

/** A reviewer on the panel, as a scorecard row names them. */
public record PanelReviewer(UUID reviewerId, String reviewer, Lens lens) {

    /** Panel order: by lens (builder, skeptic, futurist, buyer), then name. */
    public static final Comparator<PanelReviewer> PANEL_ORDER = Comparator
            .comparing(PanelReviewer::lens, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(PanelReviewer::reviewer, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(PanelReviewer::reviewerId);
}
