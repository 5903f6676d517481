package dev.toolverdicts.benchmarks.scenario;

import dev.toolverdicts.benchmarks.http.HttpConnection;
import dev.toolverdicts.benchmarks.http.HttpResponse;
import dev.toolverdicts.benchmarks.http.RawRequest;
import dev.toolverdicts.benchmarks.identity.Member;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every benchmark member's current vote on every tool, as the suite last saw it accepted, and the tally deltas the
 * accepted votes must have caused: each planned vote flips the pair's state (none → SHIP → SKIP → SHIP ...), so every
 * request is a real change and "nothing lost" is an exact comparison.
 */
final class VoteBook {

    enum State { NONE, SHIP, SKIP }

    private static final Pattern VOTE = Pattern.compile("\"vote\"\\s*:\\s*\"(SHIP|SKIP)\"");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");

    private final List<Member> members;
    private final List<String> tools;
    private final State[] states;
    private final AtomicLongArray shipDelta;
    private final AtomicLongArray skipDelta;
    private final Map<Long, Boolean> uncertain = new ConcurrentHashMap<>();
    private HttpConnection reader;

    VoteBook(List<Member> members, List<String> tools) {
        this.members = members;
        this.tools = tools;
        this.states = new State[members.size() * tools.size()];
        this.shipDelta = new AtomicLongArray(tools.size());
        this.skipDelta = new AtomicLongArray(tools.size());
    }

    int pairs() {
        return states.length;
    }

    /** Pair of the i-th planned vote: member i mod M, so consecutive votes come from different members. */
    int pairOf(long i, int toolOffset) {
        int member = (int) (i % members.size());
        int tool = (int) ((i / members.size() + toolOffset) % tools.size());
        return tool * members.size() + member;
    }

    Member member(int pair) {
        return members.get(pair % members.size());
    }

    String tool(int pair) {
        return tools.get(pair / members.size());
    }

    int toolIndex(int pair) {
        return pair / members.size();
    }

    /** The vote that changes this pair. */
    synchronized String nextChoice(int pair) {
        return states[pair] == State.SHIP ? "SKIP" : "SHIP";
    }

    RawRequest request(int pair, String choice) {
        return RawRequest.put("/api/votes/tools/" + tool(pair) + "/mine", "{\"vote\":\"" + choice + "\"}")
                .bearer(member(pair).token());
    }

    /** Records an accepted vote and the tally change it caused. */
    synchronized void accepted(int pair, String choice) {
        State before = states[pair];
        State after = State.valueOf(choice);
        int tool = toolIndex(pair);
        shipDelta.addAndGet(tool, (after == State.SHIP ? 1 : 0) - (before == State.SHIP ? 1 : 0));
        skipDelta.addAndGet(tool, (after == State.SKIP ? 1 : 0) - (before == State.SKIP ? 1 : 0));
        states[pair] = after;
    }

    /** A request whose outcome is unknown (timeout): its pair is re-read before tallies are compared. */
    void uncertain(int pair) {
        uncertain.put((long) pair, true);
    }

    /** Reads the current vote of every pair from vote-service (direct), e.g. at the start of a run. */
    void readAll(int port) throws Exception {
        for (int pair = 0; pair < states.length; pair++) {
            states[pair] = read(port, pair);
        }
        closeReader();
    }

    /** Re-reads the pairs whose last request had an unknown outcome, correcting the expected deltas. */
    void settleUncertain(int port) throws Exception {
        for (Long pair : uncertain.keySet()) {
            State actual = read(port, pair.intValue());
            synchronized (this) {
                if (actual != states[pair.intValue()]) {
                    accepted(pair.intValue(), actual == State.NONE ? "SHIP" : actual.name());
                }
            }
        }
        closeReader();
        uncertain.clear();
    }

    /** Reads one pair's vote on a kept-alive connection, reconnecting when the server closes it (Tomcat: 100). */
    private State read(int port, int pair) throws Exception {
        byte[] request = RawRequest.get("/api/votes/tools/" + tool(pair) + "/mine").bearer(member(pair).token()).bytes();
        HttpResponse response;
        try {
            response = reader(port).exchange(request);
        } catch (java.io.IOException closedMeanwhile) {
            closeReader();
            response = reader(port).exchange(request);
        }
        if (response.closes()) {
            closeReader();
        }
        if (response.status() == 404) {
            return State.NONE;
        }
        Matcher matcher = VOTE.matcher(HttpConnection.text(response));
        if (response.status() != 200 || !matcher.find()) {
            throw new IllegalStateException("reading a vote answered " + response.status());
        }
        return State.valueOf(matcher.group(1));
    }

    private HttpConnection reader(int port) throws java.io.IOException {
        if (reader == null) {
            reader = HttpConnection.open(port, null);
        }
        return reader;
    }

    private void closeReader() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }

    long shipDelta(int tool) {
        return shipDelta.get(tool);
    }

    long skipDelta(int tool) {
        return skipDelta.get(tool);
    }

    List<String> tools() {
        return tools;
    }

    /** The tally version in a vote response, or -1. */
    static long tallyVersion(HttpResponse response) {
        Matcher matcher = VERSION.matcher(HttpConnection.text(response));
        long version = -1;
        while (matcher.find()) {
            version = Long.parseLong(matcher.group(1));
        }
        return version;
    }
}
