package dev.toolverdicts.web.compare;

import dev.toolverdicts.web.api.Share;
import dev.toolverdicts.web.api.ToolView;
import java.util.List;

/**
 * The panel-vs-community bar chart. Names and figures are HTML text (legible at any width); each bar is a small SVG
 * stretched to the row, its length set by attributes computed here, so there is no script and no inline style.
 */
public record ShareChart(List<Row> rows) {

    public ShareChart {
        rows = List.copyOf(rows);
    }

    public static ShareChart of(List<ToolView> tools) {
        return new ShareChart(tools.stream()
                .map(tool -> new Row(tool.name(), bar("Panel", tool.panel()), bar("Community", tool.community())))
                .toList());
    }

    private static Bar bar(String who, Share share) {
        return new Bar(who, share.percentText(), share.hasData() ? Math.max(0, Math.min(100, share.percent())) : 0,
                share.hasData());
    }

    /** One tool's pair of bars, under its name. */
    public record Row(String name, Bar panel, Bar community) {
    }

    /** One bar: who it is for, its text and its length in percent of the track. */
    public record Bar(String who, String text, int length, boolean hasData) {
    }

    /** The chart in words, for screen readers. */
    public String description() {
        return String.join("; ", rows.stream()
                .map(row -> row.name() + ": panel " + row.panel().text() + ", community " + row.community().text())
                .toList());
    }
}
