package dev.toolverdicts.benchmarks.scenario;

import dev.toolverdicts.benchmarks.http.HttpResponse;
import dev.toolverdicts.benchmarks.http.RawRequest;
import dev.toolverdicts.benchmarks.load.ClosedLoopLoad;
import dev.toolverdicts.benchmarks.load.LoadResult;
import dev.toolverdicts.benchmarks.load.Workload;
import dev.toolverdicts.benchmarks.report.Figure;
import dev.toolverdicts.benchmarks.stack.StackPorts;
import java.time.Duration;
import java.util.List;

/**
 * 7. What other sites embed, against the read it is made from, in the same run and at the same concurrency,
 * directly from comparison-service: the cached tool view's JSON, its SVG badge (drawn from the hot view on every
 * request) and its 1200×630 share card (drawn once per view content, then served from memory by ETag), each with
 * its p50/p99.
 */
public final class OpenPlatformBenchmark implements Benchmark {

    static final String JSON = CachedReadBenchmark.PATH;
    static final String BADGE = "/badges/tools/smolvlm-3b.svg";
    static final String CARD = "/cards/tools/smolvlm-3b.png";
    static final String IMAGE = "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8";
    private static final int CONCURRENCY = 16;

    @Override
    public String id() {
        return "8";
    }

    @Override
    public String title() {
        return "badge and share card renders vs the cached JSON read";
    }

    @Override
    public void run(SuiteContext context) throws Exception {
        Duration bound = context.options().runBound();
        long maxRequests = context.options().quick() ? 20_000 : 60_000;
        Workload json = new FixedRead(RawRequest.get(JSON).bytes());
        // as an <img> or a link preview asks for them (a JSON Accept is rightly a 406 there)
        Workload badge = new FixedRead(RawRequest.get(BADGE).header("Accept", IMAGE).bytes());
        Workload card = new FixedRead(RawRequest.get(CARD).header("Accept", IMAGE).bytes());
        for (Workload read : List.of(json, badge, card)) {
            ClosedLoopLoad.run("warm-up", settings(2_000, Duration.ofSeconds(10)), read);
        }
        LoadResult jsonRun = ClosedLoopLoad.run("cached JSON view", settings(maxRequests, bound), json);
        LoadResult badgeRun = ClosedLoopLoad.run("SVG badge", settings(maxRequests, bound), badge);
        LoadResult cardRun = ClosedLoopLoad.run("PNG share card", settings(maxRequests, bound), card);
        List.of(jsonRun, badgeRun, cardRun).forEach(r -> System.out.println("  " + r.summary()));
        context.report().detail("8-open-platform", List.of(jsonRun, badgeRun, cardRun));

        context.report().add(new Figure("8a", "badge vs cached JSON read", "SVG badge", badgeRun.throughput(),
                "cached JSON view", jsonRun.throughput(), "req/s", true, badgeRun.latency(), jsonRun.latency(),
                "≥ 0.5×", badgeRun.throughput() >= 0.5 * jsonRun.throughput(),
                CONCURRENCY + " connections, closed loop, direct to comparison-service"));
        context.report().add(new Figure("8b", "share card vs cached JSON read", "PNG share card",
                cardRun.throughput(), "cached JSON view", jsonRun.throughput(), "req/s", true, cardRun.latency(),
                jsonRun.latency(), "≥ 0.5×", cardRun.throughput() >= 0.5 * jsonRun.throughput(),
                "the card is drawn once per view content (Java2D, headless) and then served from memory"));
    }

    private static ClosedLoopLoad.Settings settings(long maxRequests, Duration bound) {
        return new ClosedLoopLoad.Settings(StackPorts.COMPARISON, CONCURRENCY, maxRequests, bound, Integer.MAX_VALUE,
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
