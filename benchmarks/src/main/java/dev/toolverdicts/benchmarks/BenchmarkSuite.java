package dev.toolverdicts.benchmarks;

import dev.toolverdicts.benchmarks.report.Figure;
import dev.toolverdicts.benchmarks.report.MachineState;
import dev.toolverdicts.benchmarks.report.MarkdownTable;
import dev.toolverdicts.benchmarks.report.ResultFiles;
import dev.toolverdicts.benchmarks.report.SuiteReport;
import dev.toolverdicts.benchmarks.scenario.Benchmark;
import dev.toolverdicts.benchmarks.scenario.CachedReadBenchmark;
import dev.toolverdicts.benchmarks.scenario.FootprintBenchmark;
import dev.toolverdicts.benchmarks.scenario.FreshnessBenchmark;
import dev.toolverdicts.benchmarks.scenario.LiveStreamsBenchmark;
import dev.toolverdicts.benchmarks.scenario.NewsletterSendBenchmark;
import dev.toolverdicts.benchmarks.scenario.OpenPlatformBenchmark;
import dev.toolverdicts.benchmarks.scenario.OutboxRelayBenchmark;
import dev.toolverdicts.benchmarks.scenario.ReplayBenchmark;
import dev.toolverdicts.benchmarks.scenario.ScaleOutBenchmark;
import dev.toolverdicts.benchmarks.scenario.SuiteContext;
import dev.toolverdicts.benchmarks.scenario.VoteThroughputBenchmark;
import dev.toolverdicts.benchmarks.stack.DevStackLauncher;
import dev.toolverdicts.benchmarks.stack.StackCheck;
import dev.toolverdicts.benchmarks.stack.StackJvmMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one command behind {@code benchmarks/run.sh}: checks the dev stack is up (or starts and times a fresh one),
 * runs the numbered benchmarks in an order where each leaves data the next needs, and writes the results.
 */
public final class BenchmarkSuite {

    private BenchmarkSuite() {
    }

    public static void main(String[] args) throws Exception {
        Path repoRoot = Path.of(System.getProperty("benchmarks.repoRoot", "")).toAbsolutePath();
        SuiteOptions options;
        try {
            options = SuiteOptions.parse(args, repoRoot);
        } catch (IllegalArgumentException e) {
            System.err.println("benchmarks: " + e.getMessage() + "\n" + SuiteOptions.USAGE);
            System.exit(2);
            return;
        }
        SuiteReport report = new SuiteReport();
        report.machine().putAll(MachineState.describe());
        report.machine().put("loadAverageBefore", MachineState.loadAverage());
        report.machine().put("options", String.join(" ", args));
        // after a --cold-start the stack's own launch decides; re-read below
        report.machine().put("devstackJvm", StackJvmMode.detect());
        try (DevStackLauncher launcher = new DevStackLauncher(repoRoot)) {
            DevStackLauncher.ColdStart coldStart = null;
            if (options.coldStart()) {
                if (!new StackCheck().isDown()) {
                    fail("--cold-start needs the dev stack to be down, but something answers on its ports; stop it "
                            + "(Ctrl-C in its terminal) or run without --cold-start");
                }
                System.out.println("starting the dev stack from empty data (./dev-stack.sh --reset) ...");
                coldStart = launcher.start(options.stackDir(), Duration.ofMinutes(5));
                System.out.printf("cold start: all healthy after %.1f s, demo data after %.1f s%n",
                        coldStart.healthySeconds(), coldStart.demoDataSeconds());
            } else {
                List<String> problems = new StackCheck().problems();
                if (!problems.isEmpty()) {
                    fail("the dev stack is not up: " + String.join(", ", problems) + "\n" + StackCheck.HOW_TO_START);
                }
            }
            if (coldStart != null) {
                report.machine().put("devstackJvm", StackJvmMode.detect());
            }
            System.out.println("dev stack service JVMs: " + report.machine().get("devstackJvm") + " mode");
            runAll(options, report, coldStart);
        }
        report.machine().put("loadAverageAfter", MachineState.loadAverage());
        List<Path> files = ResultFiles.write(report, options.resultsDir());
        System.out.println();
        System.out.println(MarkdownTable.of(report));
        files.forEach(f -> System.out.println("wrote " + repoRoot.relativize(f)));
    }

    private static void runAll(SuiteOptions options, SuiteReport report, DevStackLauncher.ColdStart coldStart) {
        SuiteContext context = new SuiteContext(options, report);
        List<Benchmark> benchmarks = List.of(new CachedReadBenchmark(), new VoteThroughputBenchmark(),
                new FreshnessBenchmark(), new OutboxRelayBenchmark(), new ReplayBenchmark(),
                new FootprintBenchmark(coldStart), new ScaleOutBenchmark(), new OpenPlatformBenchmark(),
                new LiveStreamsBenchmark(), new NewsletterSendBenchmark());
        Map<String, String> loadAverages = new LinkedHashMap<>();
        for (Benchmark benchmark : benchmarks) {
            // 7 and 9 need a stack started for them (two replicas; a gateway sized for 10,000 streams)
            boolean onlyWhenNamed = benchmark.id().equals("7") || benchmark.id().equals("9");
            if (!options.runs(benchmark.id()) || onlyWhenNamed && !options.only().contains(benchmark.id())) {
                continue;
            }
            String load = MachineState.loadAverage();
            loadAverages.put(benchmark.id(), load);
            System.out.printf("%n== %s. %s (load average %s)%n", benchmark.id(), benchmark.title(), load);
            long started = System.nanoTime();
            try {
                benchmark.run(context);
            } catch (Exception | AssertionError e) {
                System.out.println("  FAILED: " + e);
                report.add(Figure.failed(benchmark.id(), benchmark.title(), e.toString()));
            }
            System.out.printf("  (%.0f s)%n", (System.nanoTime() - started) / 1e9);
        }
        report.machine().put("loadAverageAtEachBenchmark", loadAverages);
    }

    private static void fail(String message) {
        System.err.println("benchmarks: " + message);
        System.exit(1);
    }
}
