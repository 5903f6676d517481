package dev.toolverdicts.benchmarks.load;

import org.HdrHistogram.Histogram;

/** Percentiles of one measured run, in milliseconds, taken from an HdrHistogram recorded in microseconds. */
public record Latency(long count, double p50Ms, double p90Ms, double p99Ms, double maxMs) {

    public static final Latency NONE = new Latency(0, 0, 0, 0, 0);

    public static Histogram newHistogram() {
        return new Histogram(60_000_000L, 3);
    }

    public static Latency of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return NONE;
        }
        return new Latency(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(90)), ms(micros.getValueAtPercentile(99)), ms(micros.getMaxValue()));
    }

    private static double ms(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
