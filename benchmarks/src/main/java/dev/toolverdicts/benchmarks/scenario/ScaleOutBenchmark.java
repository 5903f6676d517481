package dev.toolverdicts.benchmarks.scenario;

import dev.toolverdicts.benchmarks.http.HttpResponse;
import dev.toolverdicts.benchmarks.http.RawRequest;
import dev.toolverdicts.benchmarks.http.SourceAddresses;
import dev.toolverdicts.benchmarks.load.ClosedLoopLoad;
import dev.toolverdicts.benchmarks.load.LoadResult;
import dev.toolverdicts.benchmarks.load.Workload;
import dev.toolverdicts.benchmarks.report.Figure;
import dev.toolverdicts.benchmarks.stack.StackPorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * 7. One instance against two, in the same run, on a stack started with
 * {@code ./dev-stack.sh --replicas comparison-service=2,gateway=2}: cached reads through one gateway (its own port)
 * and through the entry port (two gateways, connections in turn); cached reads straight from one comparison replica
 * and split over both; accepted votes/s through one gateway and through the entry port. Ratios only: every process,
 * the load generator included, shares the same cores, so a second instance adds no CPU here.
 */
public final class ScaleOutBenchmark implements Benchmark {

    private static final int CONCURRENCY = 16;

    @Override
    public String id() {
        return "7";
    }

    @Override
    public String title() {
        return "scale-out: 1 vs 2 instances";
    }

    @Override
    public void run(SuiteContext context) throws Exception {
        for (int port : List.of(StackPorts.GATEWAY_1, StackPorts.GATEWAY_2, StackPorts.COMPARISON_2)) {
            if (!listening(port)) {
                throw new IllegalStateException("nothing on port " + port + ": start the stack with ./dev-stack.sh "
                        + "--replicas comparison-service=2,gateway=2");
            }
        }
        Duration bound = context.options().runBound();
        long max = context.options().quick() ? 20_000 : 60_000;
        Workload read = new Read(RawRequest.get(CachedReadBenchmark.PATH).bytes());
        for (int port : List.of(StackPorts.GATEWAY_1, StackPorts.GATEWAY_2, StackPorts.GATEWAY, StackPorts.COMPARISON,
                StackPorts.COMPARISON_2)) {
            ClosedLoopLoad.run("warm-up", settings(port, CONCURRENCY, 3_000, Duration.ofSeconds(10)), read);
        }
        LoadResult oneGateway = ClosedLoopLoad.run("one gateway", settings(StackPorts.GATEWAY_1, CONCURRENCY, max,
                bound), read);
        LoadResult twoGateways = ClosedLoopLoad.run("two gateways (entry)", settings(StackPorts.GATEWAY, CONCURRENCY,
                max, bound), read);
        LoadResult oneReplica = ClosedLoopLoad.run("one comparison replica", settings(StackPorts.COMPARISON,
                CONCURRENCY, max, bound), read);
        List<LoadResult> bothReplicas = inParallel(
                () -> ClosedLoopLoad.run("replica 1 of 2", settings(StackPorts.COMPARISON, CONCURRENCY / 2, max / 2,
                        bound), read),
                () -> ClosedLoopLoad.run("replica 2 of 2", settings(StackPorts.COMPARISON_2, CONCURRENCY / 2, max / 2,
                        bound), read));
        double bothThroughput = bothReplicas.stream().mapToDouble(LoadResult::throughput).sum();
        List.of(oneGateway, twoGateways, oneReplica).forEach(r -> System.out.println("  " + r.summary()));
        bothReplicas.forEach(r -> System.out.println("  " + r.summary()));

        context.report().add(new Figure("7a", "cached read: two gateways vs one", "2 gateways (entry port)",
                twoGateways.throughput(), "1 gateway", oneGateway.throughput(), "req/s", true, twoGateways.latency(),
                oneGateway.latency(), "-", null, String.format("%d connections closed loop, both gateways balance over "
                        + "2 comparison replicas", CONCURRENCY)));
        context.report().add(new Figure("7b", "cached read: two comparison replicas vs one", "2 replicas",
                bothThroughput, "1 replica", oneReplica.throughput(), "req/s", true, null, oneReplica.latency(), "-",
                null, String.format("direct, %d connections in all (%d on each replica when two)", CONCURRENCY,
                        CONCURRENCY / 2)));

        VoteBook book = new VoteBook(context.members(), context.tools());
        book.readAll(StackPorts.VOTE);
        VoteThroughputBenchmark.Cursor cursor = new VoteThroughputBenchmark.Cursor();
        long votes = Math.min(context.options().quick() ? 2_000 : 8_000, (long) context.members().size() * 10);
        Duration voteBound = bound.multipliedBy(2);
        for (int port : List.of(StackPorts.GATEWAY_1, StackPorts.GATEWAY)) {
            VoteThroughputBenchmark.run("warm-up votes", port, context.members().size(), voteBound, book, cursor,
                    new SourceAddresses(port == StackPorts.GATEWAY ? 81 : 41));
        }
        LoadResult oneGatewayVotes = VoteThroughputBenchmark.run("votes, one gateway", StackPorts.GATEWAY_1, votes,
                voteBound, book, cursor, new SourceAddresses(40));
        LoadResult twoGatewayVotes = VoteThroughputBenchmark.run("votes, two gateways", StackPorts.GATEWAY, votes,
                voteBound, book, cursor, new SourceAddresses(80));
        List.of(oneGatewayVotes, twoGatewayVotes).forEach(r -> System.out.println("  " + r.summary()));
        book.settleUncertain(StackPorts.VOTE);
        context.report().detail("7-scale-out", Map.of("reads", List.of(oneGateway, twoGateways, oneReplica),
                "readsOnTwoReplicas", bothReplicas, "votes", List.of(oneGatewayVotes, twoGatewayVotes)));
        context.report().add(new Figure("7c", "accepted votes/s: two gateways vs one", "2 gateways (entry port)",
                twoGatewayVotes.throughput(), "1 gateway", oneGatewayVotes.throughput(), "votes/s", true,
                twoGatewayVotes.latency(), oneGatewayVotes.latency(), "-", null,
                String.format("2 vote-service instances only if started so; statuses one %s, two %s",
                        oneGatewayVotes.statuses(), twoGatewayVotes.statuses())));
    }

    private static ClosedLoopLoad.Settings settings(int port, int concurrency, long max, Duration bound) {
        return new ClosedLoopLoad.Settings(port, concurrency, max, bound, Integer.MAX_VALUE, null);
    }

    @SafeVarargs
    private static List<LoadResult> inParallel(Callable<LoadResult>... runs) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(runs.length)) {
            List<Future<LoadResult>> futures = pool.invokeAll(List.of(runs));
            List<LoadResult> results = new java.util.ArrayList<>();
            for (Future<LoadResult> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The same GET every time; a 200 with a body is a success. */
    private record Read(byte[] request) implements Workload {

        @Override
        public byte[] request(long index) {
            return request;
        }

        @Override
        public boolean succeeded(long index, HttpResponse response) {
            return response.status() == 200 && response.body().length > 0;
        }
    }
}
