package dev.toolverdicts.benchmarks.scenario;

import dev.toolverdicts.benchmarks.report.Figure;
import dev.toolverdicts.benchmarks.stack.DevStackLauncher;
import dev.toolverdicts.benchmarks.stack.ProcessMemory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 6. The dev stack's cold start to all healthy (when the suite started it) and its memory per process after the
 * load, both against the budgets of issue 10 (there is no same-run baseline for these).
 */
public final class FootprintBenchmark implements Benchmark {

    private static final double START_BUDGET_SECONDS = 30;
    private static final double MEMORY_BUDGET_MB = 1_500;

    private final DevStackLauncher.ColdStart coldStart;

    public FootprintBenchmark(DevStackLauncher.ColdStart coldStart) {
        this.coldStart = coldStart;
    }

    @Override
    public String id() {
        return "6";
    }

    @Override
    public String title() {
        return "cold start and memory";
    }

    @Override
    public void run(SuiteContext context) throws Exception {
        Map<String, Object> details = new LinkedHashMap<>();
        if (coldStart != null) {
            details.put("coldStart", coldStart);
            // issue 21: to "open" with the demo data served, the moment a new user can use the URL
            context.report().add(new Figure("6a", "dev stack cold start (--reset) to open with demo data",
                    "cold start", coldStart.demoDataSeconds(), "budget", START_BUDGET_SECONDS, "s", false, null, null,
                    "≤ 30 s", coldStart.demoDataSeconds() <= START_BUDGET_SECONDS,
                    String.format("every service healthy after %.1f s; the launcher reported all parts up in %s s; "
                            + "parts start 3 at a time on a shared 2-core box", coldStart.healthySeconds(),
                            coldStart.launcherSaid().map(s -> String.format("%.1f", s)).orElse("?"))));
        } else {
            context.report().add(Figure.failed("6a", "dev stack cold start (--reset) to open with demo data",
                    "the stack was already running: measure it with ./benchmarks/run.sh --cold-start"));
        }
        List<ProcessMemory.PartMemory> parts = ProcessMemory.of(context.options().stackDir());
        double rss = parts.stream().mapToDouble(ProcessMemory.PartMemory::rssMb).sum();
        double pss = parts.stream().mapToDouble(ProcessMemory.PartMemory::pssMb).sum();
        parts.forEach(p -> System.out.printf("  %-20s %3d process(es)  RSS %7.1f MB  PSS %7.1f MB%n", p.part(),
                p.processes(), p.rssMb(), p.pssMb()));
        details.put("memory", parts);
        context.report().detail("6-footprint", details);
        StringBuilder perPart = new StringBuilder();
        parts.forEach(p -> perPart.append(String.format("%s %.0f, ", p.part(), p.rssMb())));
        context.report().add(new Figure("6b", "dev stack memory after the load (PSS, all processes)", "PSS total", pss,
                "budget", MEMORY_BUDGET_MB, "MB", false, null, null, "≤ 1,500 MB", pss <= MEMORY_BUDGET_MB,
                String.format("RSS sum %.0f MB counts PostgreSQL's shared buffers once per backend; PSS shares them "
                        + "out; RSS MB per part: %s", rss, perPart.substring(0, Math.max(0, perPart.length() - 2)))));
    }
}
