package dev.toolverdicts.comparison.tool;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * How a tool list is ranked: by panel ship %, by community %, or by the gap between them (largest first). Ties go to
 * the share with more answers, then to the name; tools without the data a rank needs come last.
 */
public enum ToolRank {
    PANEL(Comparator.comparing((RankedTool t) -> t.panel().percent(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(t -> t.panel().total(), Comparator.reverseOrder())),
    COMMUNITY(Comparator.comparing((RankedTool t) -> t.community().percent(),
                    Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(t -> t.community().total(), Comparator.reverseOrder())),
    GAP(Comparator.comparing((RankedTool t) -> t.gap() == null ? null : Math.abs(t.gap()),
            Comparator.nullsLast(Comparator.reverseOrder())));

    private final Comparator<RankedTool> order;

    ToolRank(Comparator<RankedTool> order) {
        this.order = order.thenComparing(RankedTool::name).thenComparing(RankedTool::slug);
    }

    Comparator<RankedTool> order() {
        return order;
    }

    static Optional<ToolRank> parse(String value) {
        return Arrays.stream(values()).filter(rank -> rank.name().equals(value.toUpperCase(Locale.ROOT))).findFirst();
    }
}
