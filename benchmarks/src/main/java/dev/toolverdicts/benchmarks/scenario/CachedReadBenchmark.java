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
import dev.toolverdicts.benchmarks.load.NginxProxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * 1. The cached tool view read at the same concurrency: through the gateway, directly from comparison-service, from a
 * JDK HttpServer returning the same bytes (the ceiling of any Java HTTP answer here), through nginx as a plain reverse
 * proxy in front of the same comparison-service instance (the peer baseline of the gateway: 1c), and through nginx
 * caching in front of the gateway (what a reader behind a CDN gets: 1d); then at 70% of the gateway's peak, open loop,
 * on both paths for the latency the gateway adds.
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
            for (int port : List.of(ceiling.port(), StackPorts.COMPARISON)) {
                ClosedLoopLoad.run("warm-up", settings(port, 3_000, Duration.ofSeconds(10)), read);
            }
            // the gateway runs far more code per request than the service: after 3,000 requests its C2 compiler was
            // still busy through the measured run (~6 s of compilation in its 12 s, a JFR of 2026-12-03), so 1a
            // measured half-compiled code; the reads through it warm comparison-service as well
            ClosedLoopLoad.run("warm-up", settings(StackPorts.GATEWAY, context.options().quick() ? 3_000 : 30_000,
                    Duration.ofSeconds(context.options().quick() ? 10 : 30)), read);
            LoadResult staticRun = ClosedLoopLoad.run("static ceiling", settings(ceiling.port(), maxRequests, bound), read);
            LoadResult direct = ClosedLoopLoad.run("direct", settings(StackPorts.COMPARISON, maxRequests, bound), read);
            LoadResult gateway = ClosedLoopLoad.run("gateway", settings(StackPorts.GATEWAY, maxRequests, bound), read);
            List.of(staticRun, direct, gateway).forEach(r -> System.out.println("  " + r.summary()));
            List<Figure> peers = peerBaselines(context, read, maxRequests, bound, direct, gateway);

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
            // issue 21's targets
            boolean met = ratio >= 0.6 && gatewaySteady.latency().p99Ms() <= 10 && addedP50 <= 1;
            context.report().add(new Figure("1a", "cached read: gateway vs direct", "gateway", gateway.throughput(),
                    "comparison-service direct", direct.throughput(), "req/s", true, gateway.latency(),
                    direct.latency(), "≥ 0.6×, p99 ≤ 10 ms at 70% of peak, ≤ 1 ms added at p50", met,
                    String.format("%d connections, closed loop, %d B body; at 70%% of gateway peak (%.0f req/s, open "
                            + "loop): gateway p50 %.2f / p99 %.2f ms, direct p50 %.2f / p99 %.2f ms, added p50 %.2f ms",
                            CONCURRENCY, body.length, steadyRate, gatewaySteady.latency().p50Ms(),
                            gatewaySteady.latency().p99Ms(), directSteady.latency().p50Ms(),
                            directSteady.latency().p99Ms(), addedP50)));
            context.report().add(new Figure("1b", "cached read: direct vs static ceiling", "comparison-service direct",
                    direct.throughput(), "JDK HttpServer, same bytes", staticRun.throughput(), "req/s", true,
                    direct.latency(), staticRun.latency(), "≥ 0.5×", direct.throughput() >= 0.5 * staticRun.throughput(),
                    String.format("gateway vs static ceiling: %.2f×", gateway.throughput() / staticRun.throughput())));
            peers.forEach(context.report()::add);
        }
    }

    /** 1c and 1d, when nginx is installed (run.sh installs Debian's nginx-light). */
    private static List<Figure> peerBaselines(SuiteContext context, Workload read, long maxRequests, Duration bound,
            LoadResult direct, LoadResult gateway) throws Exception {
        if (!NginxProxy.installed()) {
            return List.of(Figure.failed("1c", "cached read: gateway vs nginx", "nginx is not installed "
                    + "(apt-get install -y nginx-light)"));
        }
        Path dir = context.options().repoRoot().resolve("benchmarks/target/nginx");
        LoadResult nginx;
        try (NginxProxy proxy = NginxProxy.start(dir.resolve("proxy"), StackPorts.COMPARISON, false)) {
            ClosedLoopLoad.run("warm-up", settings(proxy.port(), 3_000, Duration.ofSeconds(10)), read);
            nginx = ClosedLoopLoad.run("nginx proxy", settings(proxy.port(), maxRequests, bound), read);
        }
        LoadResult cached;
        String cacheStatus;
        try (NginxProxy proxy = NginxProxy.start(dir.resolve("cache"), StackPorts.GATEWAY, true)) {
            ClosedLoopLoad.run("warm-up", settings(proxy.port(), 3_000, Duration.ofSeconds(10)), read);
            cacheStatus = cacheStatus(proxy.port());
            cached = ClosedLoopLoad.run("nginx cache", settings(proxy.port(), maxRequests, bound), read);
        }
        List.of(nginx, cached).forEach(r -> System.out.println("  " + r.summary()));
        context.report().detail("1-peer-baselines", List.of(nginx, cached));
        Figure peer = new Figure("1c", "cached read: gateway vs nginx reverse proxy", "gateway",
                gateway.throughput(), "nginx proxy to the same comparison-service", nginx.throughput(), "req/s", true,
                gateway.latency(), nginx.latency(), "close to nginx", null,
                String.format("the same run: direct %.0f req/s; nginx proxy %.2f× of direct, gateway %.2f× of direct",
                        direct.throughput(), nginx.throughput() / direct.throughput(),
                        gateway.throughput() / direct.throughput()));
        Figure cdn = new Figure("1d", "cached read: nginx cache in front of the gateway", "nginx cache",
                cached.throughput(), "gateway alone", gateway.throughput(), "req/s", true, cached.latency(),
                gateway.latency(), "-", null,
                String.format("nginx proxy_cache honouring the services' Cache-Control; X-Cache-Status after warm-up: "
                        + "%s; %.2f× of direct", cacheStatus, cached.throughput() / direct.throughput()));
        return List.of(peer, cdn);
    }

    /** Of the second of two identical requests: this client's headers are another variant (Vary) than the load's. */
    private static String cacheStatus(int port) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH)).build();
            client.send(request, java.net.http.HttpResponse.BodyHandlers.discarding());
            java.net.http.HttpResponse<Void> response = client.send(request,
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            return response.headers().firstValue("X-Cache-Status").orElse("none");
        } catch (Exception e) {
            return "unknown (" + e + ")";
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
