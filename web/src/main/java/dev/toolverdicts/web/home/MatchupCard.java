package dev.toolverdicts.web.home;

import dev.toolverdicts.web.api.MatchupItem;
import dev.toolverdicts.web.compare.ComparePage;
import dev.toolverdicts.web.api.RankedTool;
import java.util.List;

/** A matchup on the front page: its headline and both tools with their panel and community shares. */
public record MatchupCard(MatchupItem matchup, List<RankedTool> tools) {

    public MatchupCard {
        tools = List.copyOf(tools);
    }

    /** The editor's headline, or null when it only repeats "A vs B". */
    public String subtitle() {
        return ComparePage.sameWords(matchup.headline(), names()) ? null : matchup.headline().strip();
    }

    /** "A vs B", the matchup's name whatever its headline. */
    public String names() {
        return String.join(" vs ", matchup.tools().stream().map(MatchupItem.Side::name).toList());
    }
}
