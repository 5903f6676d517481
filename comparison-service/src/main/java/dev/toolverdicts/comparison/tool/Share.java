package dev.toolverdicts.comparison.tool;

/**
 * A share of SHIP answers, e.g. 3 of 4 panel verdicts: a whole percent rounded half-up, or no data at all
 * (shown as "—") while nobody has answered.
 */
record Share(long ship, long total, Integer percent, String display) {

    static final String NO_DATA = "—";

    static Share of(long ship, long total) {
        if (total == 0) {
            return new Share(0, 0, null, NO_DATA);
        }
        int percent = (int) ((ship * 200 + total) / (total * 2));
        return new Share(ship, total, percent, percent + "% · " + ship + " of " + total);
    }
}
