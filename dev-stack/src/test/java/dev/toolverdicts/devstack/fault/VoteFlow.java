package dev.toolverdicts.devstack.fault;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Votes flowing through the gateway while parts of the stack are killed, as a careful client sends them: each
 * member, from its own loopback address, flips its vote on each tool in turn (SHIP, SKIP, ...) under the gateway's
 * per-member limit. Every vote carries its own {@code Idempotency-Key}; a vote whose answer was lost (connection
 * refused, reset, timed out) is re-sent with the same key until some answer comes, so a vote that was applied but
 * not acknowledged is replayed rather than applied twice. Every answer is kept, with the outage it fell into.
 */
final class VoteFlow implements AutoCloseable {

    private static final Duration RESEND_AFTER = Duration.ofMillis(500);
    /** Every so many votes an acknowledged answer is treated as lost and the vote sent again with its key. */
    private static final int ANSWER_TAKEN_AS_LOST_EVERY = 4;

    /** One HTTP answer to one send of a vote. */
    record Answer(Vote vote, String phase, int status, String contentType, boolean retryAfter, String problemType,
            boolean replayed) {
        boolean acknowledged() {
            return status / 100 == 2;
        }

        /** 2xx, or a 429 or 503 a client can act on: problem+json saying why, and Retry-After saying when. */
        boolean acceptable() {
            return acknowledged() || (status == 429 || status == 503)
                    && contentType.startsWith("application/problem+json") && retryAfter;
        }
    }

    private static final Pattern PROBLEM_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]*)\"");

    /** One vote a member meant to cast, under one idempotency key however often it is sent. */
    record Vote(String member, String tool, String choice, String key) {
        String pair() {
            return member + " " + tool;
        }
    }

    private final URI gateway;
    private final Map<String, String> tokens;
    private final List<String> tools;
    private final Duration pace;
    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private final List<Answer> duplicates = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> connectionFailures = new ConcurrentHashMap<>();
    private final Map<String, Vote> lastVote = new ConcurrentHashMap<>();
    private final Map<String, Boolean> lastAcknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger resent = new AtomicInteger();
    private final AtomicInteger settled = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> voters = new ArrayList<>();
    private volatile String phase = "before";

    VoteFlow(URI gateway, Map<String, String> tokens, List<String> tools, Duration pace) {
        this.gateway = gateway;
        this.tokens = new LinkedHashMap<>(tokens);
        this.tools = List.copyOf(tools);
        this.pace = pace;
    }

    void start() {
        int address = 10;
        for (String member : tokens.keySet()) {
            HttpClient client = client(address++);
            voters.add(Thread.ofVirtual().name("voter-" + member).start(() -> vote(member, client)));
        }
    }

    /** Names the outage the following answers and connection failures belong to. */
    void phase(String phase) {
        this.phase = phase;
    }

    private void vote(String member, HttpClient client) {
        for (int round = 0; running.get(); round++) {
            String tool = tools.get(round % tools.size());
            String choice = (round / tools.size()) % 2 == 0 ? "SHIP" : "SKIP";
            Vote vote = new Vote(member, tool, choice, UUID.randomUUID().toString());
            lastVote.put(vote.pair(), vote);
            sent.incrementAndGet();
            Answer answer = sendUntilAnswered(client, vote, false, Long.MAX_VALUE);
            if (answer != null && answer.acknowledged() && round % ANSWER_TAKEN_AS_LOST_EVERY == 0) {
                // as if the connection had been reset just after vote-service committed: same key, so a replay
                Answer again = sendUntilAnswered(client, vote, false, Long.MAX_VALUE);
                if (again != null) {
                    duplicates.add(again);
                }
            }
            if (answer != null) {
                lastAcknowledged.put(vote.pair(), answer.acknowledged());
            }
            sleep(pace);
        }
    }

    /**
     * Sends the vote, re-sending it with the same key while no answer comes; null if the flow was stopped (or, when
     * settling, the deadline passed) before one came.
     */
    private Answer sendUntilAnswered(HttpClient client, Vote vote, boolean settling, long until) {
        for (boolean first = true; (running.get() || settling) && System.nanoTime() < until; first = false) {
            if (settling) {
                settled.incrementAndGet();
            } else if (!first) {
                resent.incrementAndGet();
            }
            String during = phase;
            try {
                HttpResponse<String> response = client.send(request(vote), HttpResponse.BodyHandlers.ofString());
                Matcher type = PROBLEM_TYPE.matcher(response.body());
                Answer answer = new Answer(vote, during, response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(""),
                        response.headers().firstValue("Retry-After").isPresent(),
                        response.statusCode() / 100 != 2 && type.find() ? type.group(1) : "",
                        response.headers().firstValue("Idempotent-Replayed").isPresent());
                answers.add(answer);
                return answer;
            } catch (IOException e) {
                connectionFailures.merge(during, 1, Integer::sum);
                sleep(RESEND_AFTER);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private HttpRequest request(Vote vote) {
        return HttpRequest.newBuilder(gateway.resolve("/api/votes/tools/" + vote.tool() + "/mine"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + tokens.get(vote.member()))
                .header("Idempotency-Key", vote.key())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"vote\":\"" + vote.choice() + "\"}")).build();
    }

    /**
     * Stops the voters, then sends every member's last vote on each tool that was not acknowledged again, with its
     * own key, until it is: afterwards each member's intended vote on each tool is known and acknowledged.
     */
    void settle(Duration deadline) throws InterruptedException {
        close();
        phase("settle");
        HttpClient client = client(9);
        long until = System.nanoTime() + deadline.toNanos();
        for (Vote vote : lastVote.values()) {
            while (!Boolean.TRUE.equals(lastAcknowledged.get(vote.pair()))) {
                if (System.nanoTime() > until) {
                    throw new AssertionError("could not settle " + vote + " within " + deadline.toSeconds() + " s");
                }
                Answer answer = sendUntilAnswered(client, vote, true, until);
                lastAcknowledged.put(vote.pair(), answer != null && answer.acknowledged());
                if (answer == null || !answer.acknowledged()) {
                    Thread.sleep(1_000);
                }
            }
        }
    }

    /** Each member's intended choice per tool, once settled: "member tool" to SHIP or SKIP. */
    Map<String, String> expectedChoices() {
        Map<String, String> choices = new TreeMap<>();
        lastVote.forEach((pair, vote) -> choices.put(pair, vote.choice()));
        return choices;
    }

    /** SHIP and SKIP counts per tool once settled. */
    Map<String, long[]> expectedTallies() {
        Map<String, long[]> tallies = new TreeMap<>();
        tools.forEach(tool -> tallies.put(tool, new long[2]));
        lastVote.values().forEach(vote -> tallies.get(vote.tool())[vote.choice().equals("SHIP") ? 0 : 1]++);
        return tallies;
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** Distinct votes sent (each under its own key). */
    int sent() {
        return sent.get();
    }

    /** Sends of a vote again with its key after its answer was lost. */
    int resent() {
        return resent.get();
    }

    /** Sends of last votes after the flow stopped (see {@link #settle}). */
    int settled() {
        return settled.get();
    }

    /** Distinct votes whose (last) answer was a 2xx. */
    long acknowledged() {
        return answers.stream().filter(a -> a.acknowledged() && !a.phase().equals("settle"))
                .map(a -> a.vote().key()).distinct().count();
    }

    /** The answers to acknowledged votes sent again with their key (their first answer taken as lost). */
    List<Answer> duplicates() {
        return List.copyOf(duplicates);
    }

    /** Answers vote-service replayed: the vote had been applied by an earlier send whose answer was lost. */
    long replayed() {
        return answers.stream().filter(Answer::replayed).count();
    }

    Map<Integer, Long> byStatus() {
        Map<Integer, Long> counts = new TreeMap<>();
        answers.forEach(answer -> counts.merge(answer.status(), 1L, Long::sum));
        return counts;
    }

    /** Per outage (in the order they came), the answers by status, e.g. {@code vote-service={200=3, 503=9}}. */
    Map<String, Map<Integer, Long>> byPhaseAndStatus() {
        Map<String, Map<Integer, Long>> counts = new LinkedHashMap<>();
        answers.forEach(answer -> counts.computeIfAbsent(answer.phase(), phase -> new TreeMap<>())
                .merge(answer.status(), 1L, Long::sum));
        return counts;
    }

    /** The problem types of the answers that were not 2xx, with how many of each. */
    Map<String, Long> problemTypes() {
        Map<String, Long> counts = new TreeMap<>();
        answers.stream().filter(answer -> !answer.acknowledged())
                .forEach(answer -> counts.merge(answer.status() + " " + answer.problemType(), 1L, Long::sum));
        return counts;
    }

    Map<String, Integer> connectionFailuresByPhase() {
        return new TreeMap<>(connectionFailures);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread voter : voters) {
            voter.join(Duration.ofSeconds(30));
        }
    }

    private static HttpClient client(int address) {
        try {
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
                    .localAddress(InetAddress.getByName("127.0.6." + address))
                    .version(HttpClient.Version.HTTP_1_1).build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
