package dev.toolverdicts.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The suite's command line: which benchmarks, how big, and whether to start (and time) a fresh dev stack itself.
 *
 * @param quick smaller counts and shorter runs, for trying the suite out
 */
public record SuiteOptions(Set<String> only, boolean quick, boolean coldStart, int members, Path resultsDir,
        Path repoRoot, Path stackDir, int streams) {

    public static final String USAGE = """
            usage: benchmarks/run.sh [--only 1,2,3,4,5,6,7,8,9] [--quick] [--cold-start] [--members N] [--streams N]
              --only        run only these benchmarks (1 read, 2 votes, 3 freshness, 4 replay, 5 relay, 6 memory;
                            7 scale-out, only when named: needs ./dev-stack.sh --replicas comparison-service=2,gateway=2;
                            8 badge and share-card renders vs the cached JSON read;
                            9 live streams, only when named: needs a gateway started to hold them, benchmarks/README)
              --quick       smaller counts and shorter runs
              --cold-start  start the dev stack itself with --reset (it must be down), time it, stop it at the end
              --members N   distinct voting members (default 400; the gateway allows 30 votes/min per member)
              --streams N   live streams benchmark 9 holds (default 10000; 1000 with --quick)
              --stack-dir D where the dev stack runs from (default: this repository); a copy of the built jars
                            keeps a shared tree's rebuilds from replacing jars under the running stack""";

    public static SuiteOptions parse(String[] args, Path repoRoot) {
        Set<String> only = new LinkedHashSet<>();
        boolean quick = false;
        boolean coldStart = false;
        int members = 400;
        Path stackDir = repoRoot;
        Integer streams = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--only" -> only.addAll(List.of(value(args, ++i).split(",")));
                case "--quick" -> quick = true;
                case "--cold-start" -> coldStart = true;
                case "--members" -> members = Integer.parseInt(value(args, ++i));
                case "--streams" -> streams = Integer.parseInt(value(args, ++i));
                case "--stack-dir" -> stackDir = Path.of(value(args, ++i)).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new SuiteOptions(Set.copyOf(only), quick, coldStart, members,
                repoRoot.resolve("benchmarks/results"), repoRoot, stackDir,
                streams != null ? streams : quick ? 1_000 : 10_000);
    }

    public boolean runs(String id) {
        return only.isEmpty() || only.contains(id);
    }

    /** The duration bound of one measured load run. */
    public Duration runBound() {
        return quick ? Duration.ofSeconds(5) : Duration.ofSeconds(12);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
