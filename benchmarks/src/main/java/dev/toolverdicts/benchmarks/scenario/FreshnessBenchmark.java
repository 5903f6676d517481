package dev.toolverdicts.benchmarks.scenario;

import dev.toolverdicts.benchmarks.http.HttpResponse;
import dev.toolverdicts.benchmarks.kafka.EndToEndLatencyRun;
import dev.toolverdicts.benchmarks.load.Latency;
import dev.toolverdicts.benchmarks.load.LoadResult;
import dev.toolverdicts.benchmarks.load.OpenLoopLoad;
import dev.toolverdicts.benchmarks.load.Workload;
import dev.toolverdicts.benchmarks.report.Figure;
import dev.toolverdicts.benchmarks.stack.StackPorts;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 3. Vote accepted → visible in the comparison view, at fixed vote rates (open loop, distinct members flipping their
 * vote on one tool, sent to vote-service), against Kafka's own EndToEndLatency on the same broker in the same run.
 */
public final class FreshnessBenchmark implements Benchmark {

    @Override
    public String id() {
        return "3";
    }

    @Override
    public String title() {
        return "freshness";
    }

    @Override
    public void run(SuiteContext context) throws Exception {
        List<String> tools = context.tools();
        String tool = tools.contains("aurora-8b") ? "aurora-8b" : tools.getLast();
        VoteBook book = new VoteBook(context.members(), List.of(tool));
        book.readAll(StackPorts.VOTE);
        Latency kafka = EndToEndLatencyRun.run("bench.e2e-latency", context.options().quick() ? 500 : 2_000, 300);
        System.out.printf("  Kafka EndToEndLatency: p50 %.0f ms, p99 %.0f ms%n", kafka.p50Ms(), kafka.p99Ms());
        List<Integer> rates = context.options().quick() ? List.of(20, 200) : List.of(20, 50, 200);
        Duration duration = context.options().quick() ? Duration.ofSeconds(4) : Duration.ofSeconds(10);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("tool", tool);
        details.put("kafkaEndToEnd", kafka);
        long cursor = 0;
        try (ViewWatcher watcher = new ViewWatcher(tool)) {
            Thread.sleep(300);
            for (int rate : rates) {
                long first = cursor;
                cursor += (long) rate * duration.toSeconds();
                LoadResult votes = OpenLoopLoad.run(rate + " votes/s", StackPorts.VOTE, rate, duration,
                        new WatchedVotes(book, first, watcher));
                Latency freshness = watcher.drain(Duration.ofSeconds(15));
                int invisible = watcher.stillInvisible();
                System.out.printf("  %s; freshness p50 %.1f ms, p99 %.1f ms (%d visible, %d never)%n", votes.summary(),
                        freshness.p50Ms(), freshness.p99Ms(), freshness.count(), invisible);
                details.put(rate + "/s", Map.of("votes", votes, "freshness", freshness, "neverVisible", invisible));
                Boolean met = rate == 200 ? freshness.p99Ms() <= 100 && invisible == 0 : null;
                context.report().add(new Figure("3-" + rate, "freshness at " + rate + " votes/s (p99)",
                        "vote → comparison view", freshness.p99Ms(), "Kafka EndToEndLatency", kafka.p99Ms(), "ms",
                        false, freshness, kafka, rate == 200 ? "p99 ≤ 100 ms at 200 votes/s" : "-", met,
                        String.format("%d votes accepted (vote p99 %.1f ms), %d never visible within 15 s",
                                votes.succeeded(), votes.latency().p99Ms(), invisible)));
            }
            details.put("sseEvents", watcher.events());
            details.put("rereadsWithoutEvent", watcher.rereadsWithoutEvent());
        }
        context.report().detail("3-freshness", details);
    }

    /** Flips member i's vote on the tool; each accepted vote's tally version is handed to the watcher. */
    private record WatchedVotes(VoteBook book, long first, ViewWatcher watcher) implements Workload {

        @Override
        public byte[] request(long index) {
            int pair = book.pairOf(first + index, 0);
            return book.request(pair, book.nextChoice(pair)).bytes();
        }

        @Override
        public boolean succeeded(long index, HttpResponse response) {
            long acceptedAt = System.nanoTime();
            if (response.status() != 200) {
                return false;
            }
            int pair = book.pairOf(first + index, 0);
            book.accepted(pair, book.nextChoice(pair));
            watcher.expect(VoteBook.tallyVersion(response), acceptedAt);
            return true;
        }
    }
}
