package dev.toolverdicts.newsletter.digest;

import dev.toolverdicts.newsletter.feed.ChangeKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What changed in one week, as the issue named after the following week reports it: the issue of {@code 2026-W48}
 * goes out on its Monday and covers {@code 2026-W47}. A digest without items is a quiet week.
 */
public record Digest(IsoWeek issueWeek, Instant periodStart, Instant periodEnd, List<DigestItem> items) {

    private static final Map<ChangeKind, String> TITLES = Map.of(
            ChangeKind.NEW_MATCHUP, "New matchups",
            ChangeKind.VERDICT_FLIP, "Verdict flips",
            ChangeKind.NEW_VERDICT, "New verdicts",
            ChangeKind.COMMUNITY_SWING, "Big community swings",
            ChangeKind.NEW_TOOL, "New tools");

    public boolean quiet() {
        return items.isEmpty();
    }

    public String subject() {
        return "What changed this week on Tool Verdicts (" + issueWeek + ")";
    }

    /** The items grouped by kind, in the order of {@link ChangeKind}, empty sections left out. */
    public List<DigestSection> sections() {
        return sections(items);
    }

    static List<DigestSection> sections(List<DigestItem> items) {
        List<DigestSection> sections = new ArrayList<>();
        for (ChangeKind kind : ChangeKind.values()) {
            List<DigestItem> ofKind = items.stream().filter(item -> item.kind() == kind).toList();
            if (!ofKind.isEmpty()) {
                sections.add(new DigestSection(TITLES.get(kind), ofKind));
            }
        }
        return sections;
    }
}
