package dev.toolverdicts.web.api;

/** A SHIP share as comparison-service computes it: counts, whole percent (null without data) and its display. */
public record Share(long ship, long total, Integer percent, String display, Interval interval) {

    public static final String NO_DATA = "—";

    public boolean hasData() {
        return percent != null;
    }

    /** The percent as a page shows it: "75%", or "—" while nobody has answered. */
    public String percentText() {
        return hasData() ? percent + "%" : NO_DATA;
    }

    /** "3 of 4", or "no votes yet". */
    public String countText(String none) {
        return total == 0 ? none : ship + " of " + total;
    }

    /** The 95% interval of a community share, e.g. "30.1–95.4%". */
    public record Interval(double low, double high, String display) {
    }
}
