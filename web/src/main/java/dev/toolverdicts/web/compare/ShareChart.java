package dev.toolverdicts.web.compare;

import dev.toolverdicts.web.api.Share;
import dev.toolverdicts.web.api.ToolView;
import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of the small panel-vs-community bar chart, computed here so the page draws it as plain inline SVG
 * (no script, no inline style): for each tool a panel bar and a community bar, each as wide as its share.
 */
public record ShareChart(int width, int height, int labelWidth, int barWidth, List<Row> rows) {

    static final int LABEL_WIDTH = 130;
    static final int BAR_WIDTH = 150;
    static final int BAR_HEIGHT = 14;
    static final int ROW_HEIGHT = 56;
    static final int TOP = 8;

    public static ShareChart of(List<ToolView> tools) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < tools.size(); i++) {
            ToolView tool = tools.get(i);
            int y = TOP + i * ROW_HEIGHT;
            rows.add(new Row(tool.name(), y, bar(tool.panel(), "Panel", y + 4), bar(tool.community(), "Community",
                    y + 4 + BAR_HEIGHT + 6)));
        }
        int width = LABEL_WIDTH + BAR_WIDTH + 90;
        return new ShareChart(width, TOP + tools.size() * ROW_HEIGHT, LABEL_WIDTH, BAR_WIDTH, rows);
    }

    private static Bar bar(Share share, String who, int y) {
        int length = share.hasData() ? Math.round(BAR_WIDTH * share.percent() / 100f) : 0;
        return new Bar(who, share.percentText(), length, y, y + BAR_HEIGHT - 3, LABEL_WIDTH + length + 6,
                BAR_HEIGHT);
    }

    /** One tool's pair of bars, under its name. */
    public record Row(String name, int y, Bar panel, Bar community) {

        public int labelY() {
            return y + 15;
        }
    }

    /** One bar: who it is for, its text, its length and where it and its value label sit. */
    public record Bar(String who, String text, int length, int y, int textY, int valueX, int height) {
    }

    /** The chart in words, for screen readers and as the SVG's description. */
    public String description() {
        return String.join("; ", rows.stream()
                .map(row -> row.name() + ": panel " + row.panel().text() + ", community " + row.community().text())
                .toList());
    }
}
