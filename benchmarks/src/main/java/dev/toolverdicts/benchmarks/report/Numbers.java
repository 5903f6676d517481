package dev.toolverdicts.benchmarks.report;

import java.util.Locale;

/** How numbers are printed in the table and the chart: few digits, thousands separated. */
public final class Numbers {

    private Numbers() {
    }

    public static String value(double value) {
        if (value == 0) {
            return "0";
        }
        double abs = Math.abs(value);
        if (abs >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    public static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }
}
