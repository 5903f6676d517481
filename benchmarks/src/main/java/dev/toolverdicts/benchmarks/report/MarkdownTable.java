package dev.toolverdicts.benchmarks.report;

import dev.toolverdicts.benchmarks.load.Latency;
import java.util.List;

/** The README's table: one row per figure, ratio first, then both sides with their p50/p99. */
public final class MarkdownTable {

    private MarkdownTable() {
    }

    public static String of(SuiteReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Benchmarks of ").append(report.startedAt()).append(" on ").append(report.machine().get("cpus"))
                .append(" cores, load average ").append(report.machine().get("loadAverageBefore")).append(" before, ")
                .append(report.machine().get("loadAverageAfter")).append(" after (the machine is shared); service JVMs in ")
                .append(report.machine().getOrDefault("devstackJvm", "unknown"))
                .append(" mode (`./dev-stack.sh --perf`: the image's JVM settings).\n\n");
        out.append("| # | figure | ours | baseline (same run) | ratio | ours p50 / p99 ms | baseline p50 / p99 ms | target | met |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        List<Figure> figures = report.figures();
        for (Figure f : figures) {
            out.append("| ").append(f.id())
                    .append(" | ").append(f.title())
                    .append(" | ").append(side(f.subject(), f.subjectValue(), f.unit()))
                    .append(" | ").append(side(f.baseline(), f.baselineValue(), f.unit()))
                    .append(" | ").append(f.baselineValue() == 0 ? "-" : Numbers.ratio(f.ratio()))
                    .append(" | ").append(latency(f.subjectLatency()))
                    .append(" | ").append(latency(f.baselineLatency()))
                    .append(" | ").append(f.target())
                    .append(" | ").append(f.targetMet() == null ? "-" : f.targetMet() ? "yes" : "**no**")
                    .append(" |\n");
        }
        out.append('\n');
        for (Figure f : figures) {
            if (f.note() != null && !f.note().isBlank()) {
                out.append("- ").append(f.id()).append(": ").append(f.note()).append('\n');
            }
        }
        return out.toString();
    }

    private static String side(String label, double value, String unit) {
        if (label.equals("-") || label.equals("not measured")) {
            return label;
        }
        return label + ": " + Numbers.value(value) + " " + unit;
    }

    private static String latency(Latency latency) {
        if (latency == null || latency.count() == 0) {
            return "-";
        }
        return Numbers.value(latency.p50Ms()) + " / " + Numbers.value(latency.p99Ms());
    }
}
