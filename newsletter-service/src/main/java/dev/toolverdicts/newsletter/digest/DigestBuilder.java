package dev.toolverdicts.newsletter.digest;

import dev.toolverdicts.newsletter.SiteLinks;
import dev.toolverdicts.newsletter.feed.ChangeKind;
import dev.toolverdicts.newsletter.feed.FeedQueries;
import dev.toolverdicts.newsletter.feed.LoggedChange;
import dev.toolverdicts.newsletter.feed.TallyWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Turns a week of the local feed into digest items, each with a headline, a sentence and the page it links to. */
@Component
class DigestBuilder {

    private static final int TAKE_LENGTH = 240;

    private final FeedQueries feed;
    private final SiteLinks links;
    private final DigestProperties properties;

    DigestBuilder(FeedQueries feed, SiteLinks links, DigestProperties properties) {
        this.feed = feed;
        this.links = links;
        this.properties = properties;
    }

    /** The digest of the issue named {@code issueWeek}: the changes of the week before it. */
    Digest build(IsoWeek issueWeek) {
        IsoWeek covered = issueWeek.previous();
        List<DigestItem> items = new ArrayList<>();
        for (LoggedChange change : feed.changesBetween(covered.start(), issueWeek.start())) {
            items.add(item(change));
        }
        for (TallyWeek tally : feed.tallyWeek(covered.monday())) {
            if (isBigSwing(tally)) {
                items.add(swing(tally));
            }
        }
        items.sort(Comparator.comparing(DigestItem::kind));
        return new Digest(issueWeek, covered.start(), issueWeek.start(), List.copyOf(items));
    }

    private DigestItem item(LoggedChange change) {
        return switch (change.kind()) {
            case NEW_MATCHUP -> new DigestItem(ChangeKind.NEW_MATCHUP,
                    change.headline() != null ? change.headline()
                            : change.toolName() + " vs " + change.otherToolName(),
                    "A new side-by-side: " + change.toolName() + " against " + change.otherToolName()
                            + ", reviewer by reviewer.",
                    links.matchup(change.toolSlug(), change.otherToolSlug()));
            case VERDICT_FLIP -> new DigestItem(ChangeKind.VERDICT_FLIP,
                    reviewer(change) + " flipped " + change.toolName() + " from " + change.fromVerdict() + " to "
                            + change.toVerdict(),
                    shorten(change.take()), links.tool(change.toolSlug()));
            case NEW_VERDICT -> new DigestItem(ChangeKind.NEW_VERDICT,
                    reviewer(change) + " says " + change.toVerdict() + " on " + change.toolName(),
                    shorten(change.take()), links.tool(change.toolSlug()));
            case NEW_TOOL -> new DigestItem(ChangeKind.NEW_TOOL, "New: " + change.toolName(),
                    describeTool(change), links.tool(change.toolSlug()));
            case COMMUNITY_SWING -> throw new IllegalStateException("swings come from the tallies, not the log");
        };
    }

    private boolean isBigSwing(TallyWeek tally) {
        return tally.openVotes() >= properties.swingMinVotes() && tally.closeVotes() >= properties.swingMinVotes()
                && Math.abs(tally.closePercent() - tally.openPercent()) >= properties.swingPoints();
    }

    private DigestItem swing(TallyWeek tally) {
        return new DigestItem(ChangeKind.COMMUNITY_SWING,
                "The community swung on " + tally.toolName() + ": " + tally.openPercent() + "% to "
                        + tally.closePercent() + "% SHIP",
                tally.closeVotes() + " votes now, " + tally.openVotes() + " a week ago.",
                links.tool(tally.toolSlug()));
    }

    private static String reviewer(LoggedChange change) {
        return change.reviewerName() + " (" + change.lens().toLowerCase(Locale.ROOT) + " lens)";
    }

    private static String describeTool(LoggedChange change) {
        StringBuilder text = new StringBuilder();
        if (change.vendor() != null) {
            text.append(change.vendor());
        }
        if (change.category() != null) {
            text.append(text.isEmpty() ? "" : " · ").append(change.category());
        }
        if (change.tagline() != null) {
            text.append(text.isEmpty() ? "" : ": ").append(change.tagline());
        }
        return text.toString();
    }

    private static String shorten(String take) {
        if (take == null) {
            return "";
        }
        String oneLine = take.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= TAKE_LENGTH ? oneLine : oneLine.substring(0, TAKE_LENGTH - 1).trim() + "…";
    }
}
