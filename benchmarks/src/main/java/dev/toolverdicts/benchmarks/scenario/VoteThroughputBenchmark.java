package dev.toolverdicts.benchmarks.scenario;

import dev.toolverdicts.benchmarks.http.HttpResponse;
import dev.toolverdicts.benchmarks.http.SourceAddresses;
import dev.toolverdicts.benchmarks.identity.Member;
import dev.toolverdicts.benchmarks.load.ClosedLoopLoad;
import dev.toolverdicts.benchmarks.load.LoadResult;
import dev.toolverdicts.benchmarks.load.Workload;
import dev.toolverdicts.benchmarks.report.Figure;
import dev.toolverdicts.benchmarks.stack.StackPorts;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 2. Accepted votes per second from distinct members, through the gateway and directly to vote-service, at the same
 * concurrency; then "nothing lost": vote-service's tallies must equal the tallies before plus what the accepted votes
 * changed, and the comparison view must reach the same counts.
 */
public final class VoteThroughputBenchmark implements Benchmark {

    private static final int CONCURRENCY = 32;
    /** The gateway allows 30 vote writes per minute per member: stay below it within a phase. */
    private static final int VOTES_PER_MEMBER_PER_PHASE = 24;
    /** The gateway allows 60 vote writes per minute per client address: reconnect from a new one before that. */
    private static final int REQUESTS_PER_CLIENT_ADDRESS = 50;

    @Override
    public String id() {
        return "2";
    }

    @Override
    public String title() {
        return "votes/s";
    }

    @Override
    public void run(SuiteContext context) throws Exception {
        List<Member> members = context.members();
        List<String> tools = context.tools();
        VoteBook book = new VoteBook(members, tools);
        book.readAll(StackPorts.VOTE);
        Tallies tallies = new Tallies(context.http());
        List<Tallies.Count> before = tallies.inVoteService(tools);

        long phase = Math.min(context.options().quick() ? 4_000 : 20_000,
                (long) members.size() * VOTES_PER_MEMBER_PER_PHASE);
        Duration bound = context.options().runBound().multipliedBy(2);
        SourceAddresses addresses = new SourceAddresses(1);
        Cursor cursor = new Cursor();
        run("warm-up direct", StackPorts.VOTE, members.size(), bound, book, cursor, null);
        run("warm-up gateway", StackPorts.GATEWAY, members.size(), bound, book, cursor, addresses);
        LoadResult direct = run("direct", StackPorts.VOTE, phase, bound, book, cursor, null);
        LoadResult gateway = run("gateway", StackPorts.GATEWAY, phase, bound, book, cursor, addresses);
        List.of(direct, gateway).forEach(r -> System.out.println("  " + r.summary()));

        book.settleUncertain(StackPorts.VOTE);
        List<Tallies.Count> after = tallies.inVoteService(tools);
        long lost = 0;
        for (int t = 0; t < tools.size(); t++) {
            lost += Math.abs(before.get(t).ship() + book.shipDelta(t) - after.get(t).ship());
            lost += Math.abs(before.get(t).skip() + book.skipDelta(t) - after.get(t).skip());
        }
        double converged = secondsUntilViewsMatch(tallies, tools, after, Duration.ofSeconds(90));

        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("runs", List.of(direct, gateway));
        detail.put("tallyMismatch", lost);
        detail.put("comparisonViewConvergedSeconds", converged);
        context.report().detail("2-votes", detail);
        boolean met = gateway.throughput() >= 2_000 && gateway.latency().p99Ms() <= 50 && lost == 0 && converged >= 0;
        context.report().add(new Figure("2", "accepted votes/s: gateway vs direct", "gateway", gateway.throughput(),
                "vote-service direct", direct.throughput(), "votes/s", true, gateway.latency(), direct.latency(),
                "≥ 2,000 votes/s via gateway, p99 ≤ 50 ms, nothing lost", met,
                String.format("%d distinct members × %d tools, %d connections closed loop, every vote a real change "
                        + "(flip); accepted %d direct + %d gateway, gateway statuses %s; tallies off by %d after the "
                        + "run; comparison view %s", members.size(), tools.size(), CONCURRENCY, direct.succeeded(),
                        gateway.succeeded(), gateway.statuses(), lost,
                        converged >= 0 ? String.format("matched vote-service %.1f s after the last vote", converged)
                                : "did NOT match vote-service within 90 s")));
    }

    static LoadResult run(String label, int port, long votes, Duration bound, VoteBook book, Cursor cursor,
            SourceAddresses addresses) {
        long first = cursor.take(votes);
        int perConnection = addresses == null ? Integer.MAX_VALUE : REQUESTS_PER_CLIENT_ADDRESS;
        var settings = new ClosedLoopLoad.Settings(port, CONCURRENCY, votes, bound, perConnection, addresses);
        return ClosedLoopLoad.run(label, settings, new FlipVotes(book, first, votes));
    }

    private static double secondsUntilViewsMatch(Tallies tallies, List<String> tools, List<Tallies.Count> expected,
            Duration timeout) throws InterruptedException {
        long started = System.nanoTime();
        while (System.nanoTime() - started < timeout.toNanos()) {
            if (tallies.inComparisonView(tools).equals(expected)) {
                return (System.nanoTime() - started) / 1e9;
            }
            Thread.sleep(100);
        }
        return -1;
    }

    /** Hands out consecutive ranges of the vote plan, so every phase uses fresh (member, tool) pairs in turn. */
    static final class Cursor {
        private long next;

        long take(long count) {
            long first = next;
            next += count;
            return first;
        }
    }

    /** The i-th vote flips pair(first + i); a 200 is an accepted vote, a 429 a refusal, no answer an unknown. */
    private static final class FlipVotes implements Workload {

        private final VoteBook book;
        private final long first;
        private final String[] sent;

        FlipVotes(VoteBook book, long first, long votes) {
            this.book = book;
            this.first = first;
            this.sent = new String[(int) votes];
        }

        @Override
        public byte[] request(long index) {
            int pair = book.pairOf(first + index, 0);
            String choice = book.nextChoice(pair);
            sent[(int) index] = choice;
            return book.request(pair, choice).bytes();
        }

        @Override
        public boolean succeeded(long index, HttpResponse response) {
            int pair = book.pairOf(first + index, 0);
            if (response.status() == 200) {
                book.accepted(pair, sent[(int) index]);
                return true;
            }
            if (response.status() >= 500) {
                book.uncertain(pair);
            }
            return false;
        }

        @Override
        public void failed(long index) {
            book.uncertain(book.pairOf(first + index, 0));
        }
    }
}
