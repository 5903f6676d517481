package dev.toolverdicts.comparison.tool;

/**
 * The 95% Wilson score interval of a share, in percent with one decimal: where the true SHIP share of the whole
 * community likely lies, honest about small samples (3 of 4 is "30.1–95.4%", not "75%").
 */
public record Interval(double low, double high, String display) {

    private static final double Z = 1.959963984540054;

    static Interval wilson95(long ship, long total) {
        double n = total;
        double p = ship / n;
        double z2 = Z * Z;
        double centre = p + z2 / (2 * n);
        double margin = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        double denominator = 1 + z2 / n;
        double low = round(Math.max(0, (centre - margin) / denominator) * 100);
        double high = round(Math.min(1, (centre + margin) / denominator) * 100);
        return new Interval(low, high, format(low) + "–" + format(high) + "%");
    }

    private static double round(double percent) {
        return Math.round(percent * 10) / 10.0;
    }

    private static String format(double percent) {
        return percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent);
    }
}
