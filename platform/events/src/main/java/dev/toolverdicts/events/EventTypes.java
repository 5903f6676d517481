package dev.toolverdicts.events;

import dev.toolverdicts.events.catalog.MatchupEvent;
import dev.toolverdicts.events.catalog.ToolEvent;
import dev.toolverdicts.events.comparison.ViewChangedEvent;
import dev.toolverdicts.events.newsletter.NewsletterIssueEvent;
import dev.toolverdicts.events.vote.VoteTallyEvent;
import dev.toolverdicts.events.review.ReviewerEvent;
import dev.toolverdicts.events.review.VerdictEvent;
import java.util.List;
import java.util.Optional;

/**
 * The table of every event type in the contract: a producer appends {@code (EventTypes.X, event)} and gets topic, key,
 * {@code ce_type} and {@code ce_subject} from here; a consumer maps a {@code ce_type} header to its record.
 */
public final class EventTypes {

    /** Keyed by tool id, subject the tool's slug. */
    public static final EventType<ToolEvent> CATALOG_TOOL = new EventType<>(Topics.CATALOG_TOOL,
            "dev.toolverdicts.catalog.tool.v1", ToolEvent.class, event -> event.toolId().toString(), ToolEvent::slug);

    /** Keyed by matchup id, subject the matchup's slug. */
    public static final EventType<MatchupEvent> CATALOG_MATCHUP = new EventType<>(Topics.CATALOG_MATCHUP,
            "dev.toolverdicts.catalog.matchup.v1", MatchupEvent.class, event -> event.matchupId().toString(),
            MatchupEvent::slug);

    /** Keyed by tool id, subject the tool's slug. */
    public static final EventType<VoteTallyEvent> VOTE_TALLY = new EventType<>(Topics.VOTE_TALLY,
            "dev.toolverdicts.vote.tally.v1", VoteTallyEvent.class, event -> event.toolId().toString(),
            VoteTallyEvent::slug);

    /** Keyed by reviewer id, subject the reviewer id. */
    public static final EventType<ReviewerEvent> REVIEW_REVIEWER = new EventType<>(Topics.REVIEW_REVIEWER,
            "dev.toolverdicts.review.reviewer.v1", ReviewerEvent.class, event -> event.reviewerId().toString(),
            event -> event.reviewerId().toString());

    /** Keyed by tool id (one tool's verdicts stay in order), subject the verdict id. */
    public static final EventType<VerdictEvent> REVIEW_VERDICT = new EventType<>(Topics.REVIEW_VERDICT,
            "dev.toolverdicts.review.verdict.v1", VerdictEvent.class, event -> event.toolId().toString(),
            event -> event.verdictId().toString());

    /** Keyed by view id (tool id or matchup id), subject the view's slug. */
    public static final EventType<ViewChangedEvent> COMPARISON_VIEW = new EventType<>(Topics.COMPARISON_VIEW,
            "dev.toolverdicts.comparison.view.v1", ViewChangedEvent.class, event -> event.viewId().toString(),
            ViewChangedEvent::slug);

    /** Keyed by ISO week, subject the ISO week. */
    public static final EventType<NewsletterIssueEvent> NEWSLETTER_ISSUE = new EventType<>(Topics.NEWSLETTER_ISSUE,
            "dev.toolverdicts.newsletter.issue.v1", NewsletterIssueEvent.class, NewsletterIssueEvent::isoWeek,
            NewsletterIssueEvent::isoWeek);

    private static final List<EventType<?>> ALL = List.of(CATALOG_TOOL, CATALOG_MATCHUP, REVIEW_REVIEWER,
            REVIEW_VERDICT, VOTE_TALLY, COMPARISON_VIEW, NEWSLETTER_ISSUE);

    private EventTypes() {
    }

    public static List<EventType<?>> all() {
        return ALL;
    }

    public static Optional<EventType<?>> byName(String name) {
        return ALL.stream().filter(type -> type.name().equals(name)).findFirst();
    }
}
