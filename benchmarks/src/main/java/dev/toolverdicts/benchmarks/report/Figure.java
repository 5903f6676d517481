package dev.toolverdicts.benchmarks.report;

import dev.toolverdicts.benchmarks.load.Latency;

/**
 * One result of the suite: what we measured against the baseline measured in the same run, as a ratio, with the
 * latencies of both sides where they exist and the target the issues set.
 *
 * @param higherIsBetter whether a bigger {@code ratio} is good (throughput) or bad (latency, time, memory)
 */
public record Figure(String id, String title, String subject, double subjectValue, String baseline,
        double baselineValue, String unit, boolean higherIsBetter, Latency subjectLatency, Latency baselineLatency,
        String target, Boolean targetMet, String note) {

    public double ratio() {
        return baselineValue == 0 ? 0 : subjectValue / baselineValue;
    }

    public Figure withNote(String extra) {
        String joined = note == null || note.isBlank() ? extra : note + "; " + extra;
        return new Figure(id, title, subject, subjectValue, baseline, baselineValue, unit, higherIsBetter,
                subjectLatency, baselineLatency, target, targetMet, joined);
    }

    /** A figure that could not be measured in this run, with the reason. */
    public static Figure failed(String id, String title, String reason) {
        return new Figure(id, title, "not measured", 0, "-", 0, "", true, null, null, "-", null, reason);
    }
}
