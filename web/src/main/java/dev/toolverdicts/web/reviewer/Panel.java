package dev.toolverdicts.web.reviewer;

import dev.toolverdicts.web.api.ReviewApi;
import dev.toolverdicts.web.api.ServiceFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;

/**
 * Reads the panel from review-service for pages that link reviewers (scorecards, timelines). A page still shows
 * when review-service is down: it loses the links and disclosure markers, not its figures.
 */
@Component
public class Panel {

    private static final Logger LOG = LoggerFactory.getLogger(Panel.class);

    private final ReviewApi reviews;

    Panel(ReviewApi reviews) {
        this.reviews = reviews;
    }

    /** The roster, or an empty one when review-service cannot answer. */
    public PanelRoster rosterOrEmpty() {
        try {
            return roster();
        } catch (ServiceFailure | ResourceAccessException e) {
            LOG.warn("the panel could not be read, pages show it without links: {}", e.getMessage());
            return PanelRoster.EMPTY;
        }
    }

    public PanelRoster roster() {
        return PanelRoster.of(reviews.reviewers());
    }
}
