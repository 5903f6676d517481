package dev.toolverdicts.benchmarks.scenario;

import dev.toolverdicts.benchmarks.http.HttpConnection;
import dev.toolverdicts.benchmarks.http.HttpResponse;
import dev.toolverdicts.benchmarks.http.RawRequest;
import dev.toolverdicts.benchmarks.http.SourceAddresses;
import dev.toolverdicts.benchmarks.identity.MemberPool;
import dev.toolverdicts.benchmarks.live.LiveStreamClients;
import dev.toolverdicts.benchmarks.live.PrometheusGauges;
import dev.toolverdicts.benchmarks.load.ClosedLoopLoad;
import dev.toolverdicts.benchmarks.load.Latency;
import dev.toolverdicts.benchmarks.load.LoadResult;
import dev.toolverdicts.benchmarks.load.Workload;
import dev.toolverdicts.benchmarks.report.Figure;
import dev.toolverdicts.benchmarks.stack.ProcessMemory;
import dev.toolverdicts.benchmarks.stack.StackPorts;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 9. Live streams at scale, only with {@code --only 9} against a gateway started to hold them (benchmarks/README):
 * the cached read through the gateway without streams (baseline), then N readers of one tool page each holding its
 * stream from many loopback addresses (one client thread, {@link LiveStreamClients}), the same read while they are
 * held, votes through the gateway's API each timed to its arrival on every open stream, the gateway's memory and
 * upstream subscriptions while holding, then all readers leave: how long until the gateway and comparison-service
 * let go of everything, and the read once more.
 */
public final class LiveStreamsBenchmark implements Benchmark {

    static final String TOOL = "smolvlm-3b";
    private static final String STREAM = "/api/comparisons/tools/" + TOOL + "/stream";
    private static final int CONCURRENCY = 16;
    private static final int PER_ADDRESS = 10;

    @Override
    public String id() {
        return "9";
    }

    @Override
    public String title() {
        return "live streams";
    }

    @Override
    public void run(SuiteContext context) throws Exception {
        boolean quick = context.options().quick();
        int streams = context.options().streams();
        int changes = quick ? 3 : 8;
        Duration bound = context.options().runBound();
        long maxRequests = quick ? 20_000 : 60_000;
        Workload read = new FixedRead(RawRequest.get(CachedReadBenchmark.PATH).bytes());
        Map<String, Object> details = new LinkedHashMap<>();

        // long enough for the big gateway's full JIT: a short warm-up left the baseline read on half-compiled code
        ClosedLoopLoad.run("warm-up", settings(quick ? 3_000 : 10_000, Duration.ofSeconds(20)), read);
        LoadResult baseline = ClosedLoopLoad.run("cached read, no streams", settings(maxRequests, bound), read);
        System.out.println("  " + baseline.summary());
        double rssBefore = gatewayRss(context);
        var members = new MemberPool().signIn(2);
        VoteBook book = new VoteBook(members, List.of(TOOL));
        book.readAll(StackPorts.VOTE);

        try (LiveStreamClients clients = new LiveStreamClients(StackPorts.GATEWAY, STREAM, new SourceAddresses(2),
                PER_ADDRESS)) {
            long openStarted = System.nanoTime();
            clients.open(streams);
            long deadline = openStarted + Duration.ofMinutes(3).toNanos();
            while (clients.opening() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            double openSeconds = (System.nanoTime() - openStarted) / 1e9;
            int opened = clients.opened();
            System.out.printf("  %d of %d streams open in %.1f s (%d not opened; statuses %s)%n", opened, streams,
                    openSeconds, clients.failedToOpen(), clients.statuses());
            Thread.sleep(2_000);
            double rssHolding = gatewayRss(context);
            double gatewayStreams = PrometheusGauges.read(StackPorts.GATEWAY, "gateway_live_streams");
            double upstreams = PrometheusGauges.read(StackPorts.GATEWAY, "gateway_live_upstreams");
            double comparisonStreams = PrometheusGauges.read(StackPorts.COMPARISON, "comparison_streams_open");
            System.out.printf("  gateway RSS %.0f MB holding (%.0f MB before); gateway streams %.0f, upstream "
                    + "subscriptions %.0f; comparison-service streams %.0f%n", rssHolding, rssBefore, gatewayStreams,
                    upstreams, comparisonStreams);

            LoadResult holding = ClosedLoopLoad.run("cached read, streams held", settings(maxRequests, bound), read);
            System.out.println("  " + holding.summary());

            List<Long> perChange = new java.util.ArrayList<>();
            List<Double> firstArrivals = new java.util.ArrayList<>();
            List<Double> spreads = new java.util.ArrayList<>();
            HttpConnection voter = HttpConnection.open(StackPorts.GATEWAY, null);
            double[] warmUp = null;
            // change 0 warms the path (its first run compiles the fan-out); it is reported but not counted
            for (int c = 0; c <= changes; c++) {
                int pair = c % book.pairs();
                String choice = book.nextChoice(pair);
                byte[] vote = book.request(pair, choice).bytes();
                long sentAt = System.nanoTime();
                clients.changeSent(sentAt);
                HttpResponse answer = voter.exchange(vote);
                if (answer.closes()) {
                    voter.close();
                    voter = HttpConnection.open(StackPorts.GATEWAY, null);
                }
                if (answer.status() != 200) {
                    throw new IllegalStateException("a vote through the gateway answered " + answer.status());
                }
                book.accepted(pair, choice);
                long waitUntil = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                while (clients.arrived() < clients.opened() && System.nanoTime() < waitUntil) {
                    Thread.sleep(5);
                }
                double[] firstLast = clients.firstAndLastArrivalMs();
                if (c == 0) {
                    warmUp = firstLast;
                    clients.resetArrivals();
                    Thread.sleep(1_000);
                    continue;
                }
                perChange.add((long) clients.arrived());
                firstArrivals.add(firstLast[0]);
                spreads.add(firstLast[1] - firstLast[0]);
                Thread.sleep(1_000);
            }
            voter.close();
            Latency arrivals = clients.arrivals();
            int openAtChanges = clients.opened();
            System.out.printf("  change → stream over %d changes × %d streams: p50 %.0f ms, p99 %.0f ms, max %.0f ms "
                    + "(arrivals per change %s; first arrival ms %s; first to last ms %s)%n", changes, openAtChanges,
                    arrivals.p50Ms(), arrivals.p99Ms(), arrivals.maxMs(), perChange, rounded(firstArrivals),
                    rounded(spreads));
            System.out.printf("  (warm-up change, not counted: first %.0f ms, last %.0f ms)%n", warmUp[0], warmUp[1]);

            long closeStarted = System.nanoTime();
            clients.closeAll();
            double releasedGateway = -1;
            double releasedUpstream = -1;
            long releaseDeadline = closeStarted + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < releaseDeadline && (releasedGateway < 0 || releasedUpstream < 0)) {
                double seconds = (System.nanoTime() - closeStarted) / 1e9;
                if (releasedGateway < 0 && PrometheusGauges.read(StackPorts.GATEWAY, "gateway_live_streams") == 0) {
                    releasedGateway = seconds;
                }
                if (releasedUpstream < 0 && PrometheusGauges.read(StackPorts.COMPARISON, "comparison_streams_open")
                        == 0) {
                    releasedUpstream = seconds;
                }
                Thread.sleep(100);
            }
            System.out.printf("  after close: gateway streams 0 after %.1f s, comparison-service streams 0 after "
                    + "%.1f s (-1: not within 60 s)%n", releasedGateway, releasedUpstream);
            LoadResult after = ClosedLoopLoad.run("cached read, after close", settings(maxRequests, bound), read);
            System.out.println("  " + after.summary());

            details.put("streamsAsked", streams);
            details.put("streamsOpened", opened);
            details.put("openSeconds", openSeconds);
            details.put("openStatuses", clients.statuses());
            details.put("notOpened", clients.failedToOpen());
            details.put("endedByServer", clients.endedByServer());
            details.put("heartbeatsSeen", clients.heartbeats());
            details.put("gatewayRssMbBefore", rssBefore);
            details.put("gatewayRssMbHolding", rssHolding);
            details.put("gatewayStreamsGauge", gatewayStreams);
            details.put("gatewayUpstreamSubscriptions", upstreams);
            details.put("comparisonStreamsOpen", comparisonStreams);
            details.put("changes", changes);
            details.put("arrivalsPerChange", perChange);
            details.put("arrival", arrivals);
            details.put("warmUpChangeFirstAndLastMs", warmUp);
            details.put("firstArrivalMsPerChange", rounded(firstArrivals));
            details.put("firstToLastArrivalMsPerChange", rounded(spreads));
            details.put("releaseSecondsGateway", releasedGateway);
            details.put("releaseSecondsUpstream", releasedUpstream);
            details.put("reads", List.of(baseline, holding, after));
            context.report().detail("9-live-streams", details);

            double kbPerStream = opened == 0 ? 0 : (rssHolding - rssBefore) * 1024 / opened;
            context.report().add(new Figure("9a", "cached read with " + opened + " live streams held",
                    "streams held", holding.throughput(), "no streams", baseline.throughput(), "req/s", true,
                    holding.latency(), baseline.latency(), "≥ 0.9× of the read without streams",
                    opened >= streams && holding.throughput() >= 0.9 * baseline.throughput(),
                    String.format("%d of %d streams opened in %.1f s from %d loopback addresses; gateway RSS %.0f MB "
                            + "holding (%.0f MB before, ~%.0f KB/stream); %.0f upstream subscription(s)", opened,
                            streams, openSeconds, (streams + PER_ADDRESS - 1) / PER_ADDRESS, rssHolding, rssBefore,
                            kbPerStream, upstreams)));
            context.report().add(new Figure("9b", "change → every open stream (p99)", "vote → " + openAtChanges
                    + " streams", arrivals.p99Ms(), "-", 0, "ms", false, arrivals, null, "p99 ≤ 250 ms",
                    arrivals.p99Ms() <= 250 && perChange.stream().allMatch(n -> n >= openAtChanges),
                    String.format("%d votes through the gateway (after one warm-up vote), timed from sending the vote "
                            + "to each stream's view-changed event, %d arrivals; p50 %.0f ms, max %.0f ms; first "
                            + "arrival per change (vote → gateway) %s ms, first to last (fan-out) %s ms", changes,
                            arrivals.count(), arrivals.p50Ms(), arrivals.maxMs(), rounded(firstArrivals),
                            rounded(spreads))));
            context.report().add(new Figure("9c", "readers leave: everything released", "all streams closed",
                    Math.max(releasedGateway, releasedUpstream), "-", 0, "s", false, after.latency(),
                    baseline.latency(), "within seconds; reads as before",
                    releasedGateway >= 0 && releasedUpstream >= 0 && releasedGateway <= 15
                            && after.throughput() >= 0.9 * baseline.throughput(),
                    String.format("gateway streams 0 after %.1f s, comparison-service's after %.1f s; read after "
                            + "close %.2f× of baseline", releasedGateway, releasedUpstream,
                            after.throughput() / baseline.throughput())));
        }
    }

    private static List<Long> rounded(List<Double> ms) {
        return ms.stream().map(Math::round).toList();
    }

    private static double gatewayRss(SuiteContext context) {
        try {
            return ProcessMemory.of(context.options().stackDir()).stream()
                    .filter(part -> part.part().equals("gateway")).mapToDouble(ProcessMemory.PartMemory::rssMb)
                    .sum();
        } catch (Exception e) {
            return -1;
        }
    }

    private static ClosedLoopLoad.Settings settings(long maxRequests, Duration bound) {
        return new ClosedLoopLoad.Settings(StackPorts.GATEWAY, CONCURRENCY, maxRequests, bound, Integer.MAX_VALUE,
                null);
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
