package dev.toolverdicts.web.compare;

import dev.toolverdicts.web.api.Comparison;
import dev.toolverdicts.web.api.ToolView;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a comparison page shows, for a matchup or an ad-hoc set of tools: its own title and description (for the
 * {@code <title>}, meta and Open Graph tags), the cards, scorecard, chart, the viewer's votes, and the live streams
 * that tell the page to refresh its figures.
 */
public record ComparePage(String title, String heading, String subtitle, String description, String path,
        Comparison comparison, ShareChart chart, MyVotes.Ballots myVotes, List<String> streams) {

    static final String QUESTION = "Which one should you ship with?";

    static ComparePage of(Comparison comparison, String path, MyVotes.Ballots myVotes, List<String> streams) {
        List<ToolView> tools = comparison.tools();
        String names = tools.stream().map(ToolView::name).collect(Collectors.joining(" vs "));
        String subtitle = sameWords(comparison.headline(), names) ? null : comparison.headline().strip();
        String description = names + ": " + (subtitle == null ? "" : subtitle + " ") + QUESTION + " " + tools.stream()
                .map(t -> t.name() + " — panel " + t.panel().percentText() + " ship, community "
                        + t.community().percentText())
                .collect(Collectors.joining("; ")) + ".";
        return new ComparePage(names + " — " + QUESTION + " · Tool Verdicts", names, subtitle, description, path,
                comparison, ShareChart.of(tools), myVotes, List.copyOf(streams));
    }

    /** A headline that only repeats "A vs B" (up to case, spaces and punctuation) is not shown twice. */
    public static boolean sameWords(String headline, String names) {
        return headline == null || headline.isBlank() || letters(headline).equals(letters(names));
    }

    private static String letters(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    public String question() {
        return QUESTION;
    }

    public String myVote(String slug) {
        return myVotes.of(slug);
    }

    /** vote-service did not answer: the vote boxes say so instead of offering buttons. */
    public boolean votingUnavailable() {
        return myVotes.unavailable();
    }

    /** The stream URLs as one attribute value for the page's live script. */
    public String streamList() {
        return String.join(" ", streams);
    }
}
