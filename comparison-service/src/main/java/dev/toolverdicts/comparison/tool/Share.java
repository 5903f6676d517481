package dev.toolverdicts.comparison.tool;

/**
 * A share of SHIP answers, e.g. 3 of 4 panel verdicts: a whole percent rounded half-up, or no data at all
 * (shown as "—") while nobody has answered. Community shares carry a 95% Wilson interval, as votes are a sample.
 */
public record Share(long ship, long total, Integer percent, String display, Interval interval) {

    static final String NO_DATA = "—";

    public static Share of(long ship, long total) {
        if (total == 0) {
            return new Share(0, 0, null, NO_DATA, null);
        }
        int percent = (int) ((ship * 200 + total) / (total * 2));
        return new Share(ship, total, percent, percent + "% · " + ship + " of " + total, null);
    }

    public static Share withInterval(long ship, long total) {
        Share share = of(ship, total);
        return total == 0 ? share : new Share(ship, total, share.percent(), share.display(),
                Interval.wilson95(ship, total));
    }

    public boolean hasData() {
        return percent != null;
    }
}
