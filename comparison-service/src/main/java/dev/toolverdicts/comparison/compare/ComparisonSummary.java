package dev.toolverdicts.comparison.compare;

import dev.toolverdicts.comparison.tool.Share;
import dev.toolverdicts.comparison.tool.ToolVerdictView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The short reading of a comparison, derived only from the shares: which tool the panel and the community lean to
 * (null when nobody has data, or when the top share is tied), and where they disagree.
 */
public record ComparisonSummary(String panelLeansTo, String communityLeansTo, boolean panelAndCommunityAgree,
        List<String> disagreements, String text) {

    /** Panel and community shares this many points apart on one tool count as a disagreement. */
    static final int WIDE_GAP = 20;

    static ComparisonSummary of(List<ToolVerdictView> tools) {
        ToolVerdictView panel = leader(tools, ToolVerdictView::panel);
        ToolVerdictView community = leader(tools, ToolVerdictView::community);
        boolean agree = panel != null && community != null && panel.slug().equals(community.slug());
        List<String> disagreements = new ArrayList<>();
        if (panel != null && community != null && !agree) {
            disagreements.add("The panel leans to " + panel.name() + ", the community to " + community.name() + ".");
        }
        for (ToolVerdictView tool : tools) {
            if (tool.panel().hasData() && tool.community().hasData()
                    && Math.abs(tool.panel().percent() - tool.community().percent()) >= WIDE_GAP) {
                disagreements.add("On " + tool.name() + " the panel says " + tool.panel().percent()
                        + "% ship, the community " + tool.community().percent() + "%.");
            }
        }
        String text = lean("The panel", panel, tools, ToolVerdictView::panel) + " "
                + lean("The community", community, tools, ToolVerdictView::community)
                + (disagreements.isEmpty() ? "" : " " + String.join(" ", disagreements));
        return new ComparisonSummary(panel == null ? null : panel.slug(), community == null ? null : community.slug(),
                agree, List.copyOf(disagreements), text);
    }

    private static ToolVerdictView leader(List<ToolVerdictView> tools, Function<ToolVerdictView, Share> share) {
        List<ToolVerdictView> withData = tools.stream().filter(t -> share.apply(t).hasData())
                .sorted(Comparator.comparing((ToolVerdictView t) -> share.apply(t).percent()).reversed()).toList();
        if (withData.isEmpty()) {
            return null;
        }
        if (withData.size() > 1
                && share.apply(withData.get(0)).percent().equals(share.apply(withData.get(1)).percent())) {
            return null;
        }
        return withData.getFirst();
    }

    private static String lean(String who, ToolVerdictView leader, List<ToolVerdictView> tools,
            Function<ToolVerdictView, Share> share) {
        if (tools.stream().noneMatch(t -> share.apply(t).hasData())) {
            return who + " has no say yet.";
        }
        if (leader == null) {
            return who + " is split evenly.";
        }
        List<String> others = tools.stream().filter(t -> t != leader)
                .map(t -> share.apply(t).hasData() ? share.apply(t).percent() + "%" : Share.of(0, 0).display())
                .toList();
        return who + " leans to " + leader.name() + " (" + share.apply(leader).percent() + "% vs "
                + String.join(", ", others) + ").";
    }
}
