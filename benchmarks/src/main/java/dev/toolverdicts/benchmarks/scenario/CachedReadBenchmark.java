package dev.toolverdicts.benchmarks.scenario;

import dev.toolverdicts.benchmarks.http.HttpResponse;
import dev.toolverdicts.benchmarks.http.RawRequest;
import dev.toolverdicts.benchmarks.load.ClosedLoopLoad;
import dev.toolverdicts.benchmarks.load.LoadResult;
import dev.toolverdicts.benchmarks.load.OpenLoopLoad;
import dev.toolverdicts.benchmarks.load.StaticCeilingServer;
import dev.toolverdicts.benchmarks.load.Workload;
import dev.toolverdicts.benchmarks.report.Figure;
import dev.toolverdicts.benchmarks.stack.StackPorts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * 1. The cached tool view read three ways at the same concurrency: through the gateway, directly from
 * comparison-service, and from a JDK HttpServer returning the same bytes (the ceiling of any Java HTTP answer here);
 * then at 70% of the gateway's peak, open loop, on both paths for the latency the gateway adds.
 */
public final class CachedReadBenchmark implements Benchmark {

    static final String PATH = "/api/comparisons/tools/smolvlm-3b";
    private static final int CONCURRENCY = 16;

    @Override
    public String id() {
        return "1";
    }

    @Override
    public String title() {
        return "cached comparison read";
    }

    @Override
    public void run(SuiteContext context) throws Exception {
        byte[] body = context.http().send("GET", StackPorts.url(StackPorts.COMPARISON, PATH), null, null).body()
                .getBytes(StandardCharsets.UTF_8);
        Duration bound = context.options().runBound();
        long maxRequests = context.options().quick() ? 20_000 : 60_000;
        Workload read = new FixedRead(RawRequest.get(PATH).bytes());
        try (StaticCeilingServer ceiling = new StaticCeilingServer(body, "application/json")) {
            for (int port : List.of(ceiling.port(), StackPorts.COMPARISON, StackPorts.GATEWAY)) {
                ClosedLoopLoad.run("warm-up", settings(port, 3_000, Duration.ofSeconds(10)), read);
            }
            LoadResult staticRun = ClosedLoopLoad.run("static ceiling", settings(ceiling.port(), maxRequests, bound), read);
            LoadResult direct = ClosedLoopLoad.run("direct", settings(StackPorts.COMPARISON, maxRequests, bound), read);
            LoadResult gateway = ClosedLoopLoad.run("gateway", settings(StackPorts.GATEWAY, maxRequests, bound), read);
            List.of(staticRun, direct, gateway).forEach(r -> System.out.println("  " + r.summary()));

            double steadyRate = Math.max(50, 0.7 * gateway.throughput());
            Duration steady = context.options().quick() ? Duration.ofSeconds(4) : Duration.ofSeconds(8);
            LoadResult gatewaySteady = OpenLoopLoad.run("gateway at 70% of its peak", StackPorts.GATEWAY, steadyRate,
                    steady, read);
            LoadResult directSteady = OpenLoopLoad.run("direct at the same rate", StackPorts.COMPARISON, steadyRate,
                    steady, read);
            List.of(gatewaySteady, directSteady).forEach(r -> System.out.println("  " + r.summary()));
            context.report().detail("1-cached-read", List.of(staticRun, direct, gateway, gatewaySteady, directSteady));

            double ratio = gateway.throughput() / direct.throughput();
            double addedP50 = gatewaySteady.latency().p50Ms() - directSteady.latency().p50Ms();
            boolean met = ratio >= 0.35 && gatewaySteady.latency().p99Ms() <= 20 && addedP50 <= 2;
            context.report().add(new Figure("1a", "cached read: gateway vs direct", "gateway", gateway.throughput(),
                    "comparison-service direct", direct.throughput(), "req/s", true, gateway.latency(),
                    direct.latency(), "≥ 0.35×, p99 ≤ 20 ms at 70% of peak, ≤ 2 ms added at p50", met,
                    String.format("%d connections, closed loop, %d B body; at 70%% of gateway peak (%.0f req/s, open "
                            + "loop): gateway p50 %.2f / p99 %.2f ms, direct p50 %.2f / p99 %.2f ms, added p50 %.2f ms",
                            CONCURRENCY, body.length, steadyRate, gatewaySteady.latency().p50Ms(),
                            gatewaySteady.latency().p99Ms(), directSteady.latency().p50Ms(),
                            directSteady.latency().p99Ms(), addedP50)));
            context.report().add(new Figure("1b", "cached read: direct vs static ceiling", "comparison-service direct",
                    direct.throughput(), "JDK HttpServer, same bytes", staticRun.throughput(), "req/s", true,
                    direct.latency(), staticRun.latency(), "-", null,
                    String.format("gateway vs static ceiling: %.2f×", gateway.throughput() / staticRun.throughput())));
        }
    }

    private static ClosedLoopLoad.Settings settings(int port, long maxRequests, Duration bound) {
        return new ClosedLoopLoad.Settings(port, CONCURRENCY, maxRequests, bound, Integer.MAX_VALUE, null);
    }

    /** The same GET every time; a 200 with a body is a success. */
    private record FixedRead(byte[] request) implements Workload {

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
