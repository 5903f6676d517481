package dev.toolverdicts.devstack.multi;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Votes flowing through the entry port while parts die: each member, from its own loopback address, flips its vote
 * on each tool in turn (SHIP, SKIP, ...) at a pace under the gateway's per-member limit, and every answer is kept.
 * Afterwards {@link #settle} re-sends the last intended vote of every pair whose last answer was not an
 * acknowledgement, so the expected tallies are exact: one vote per member and tool, its last choice.
 */
final class VoteLoad implements AutoCloseable {

    /** One request's outcome: a status, or -1 when the connection failed. */
    record Answer(String member, String tool, String choice, int status, String contentType) {
        boolean acknowledged() {
            return status / 100 == 2;
        }
    }

    private final URI entry;
    private final Map<String, String> tokens;
    private final List<String> tools;
    private final Duration pace;
    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private final Map<String, String> intended = new ConcurrentHashMap<>();
    private final Map<String, Boolean> lastAcknowledged = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> voters = new ArrayList<>();

    VoteLoad(URI entry, Map<String, String> tokens, List<String> tools, Duration pace) {
        this.entry = entry;
        this.tokens = Map.copyOf(tokens);
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

    private void vote(String member, HttpClient client) {
        for (int round = 0; running.get(); round++) {
            String tool = tools.get(round % tools.size());
            String choice = (round / tools.size()) % 2 == 0 ? "SHIP" : "SKIP";
            intended.put(member + " " + tool, choice);
            Answer answer = cast(client, member, tool, choice);
            answers.add(answer);
            lastAcknowledged.put(member + " " + tool, answer.acknowledged());
            sleep(pace);
        }
    }

    private Answer cast(HttpClient client, String member, String tool, String choice) {
        HttpRequest request = HttpRequest.newBuilder(entry.resolve("/api/votes/tools/" + tool + "/mine"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + tokens.get(member))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"vote\":\"" + choice + "\"}")).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(member, tool, choice, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            return new Answer(member, tool, choice, -1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(member, tool, choice, -1, "interrupted");
        }
    }

    /** Stops the voters, then makes every pair's last intended vote acknowledged (retrying within the deadline). */
    void settle(Duration deadline) throws InterruptedException {
        close();
        HttpClient client = client(9);
        long until = System.nanoTime() + deadline.toNanos();
        for (var pair : intended.entrySet()) {
            if (Boolean.TRUE.equals(lastAcknowledged.get(pair.getKey()))) {
                continue;
            }
            String[] memberAndTool = pair.getKey().split(" ");
            while (true) {
                Answer answer = cast(client, memberAndTool[0], memberAndTool[1], pair.getValue());
                if (answer.acknowledged()) {
                    break;
                }
                if (System.nanoTime() > until) {
                    throw new AssertionError("could not settle " + pair + ": " + answer);
                }
                Thread.sleep(2_000);
            }
        }
    }

    /** SHIP and SKIP counts per tool once settled: each member's last intended choice. */
    Map<String, long[]> expectedTallies() {
        Map<String, long[]> tallies = new TreeMap<>();
        tools.forEach(tool -> tallies.put(tool, new long[2]));
        intended.forEach((pair, choice) -> tallies.get(pair.split(" ")[1])[choice.equals("SHIP") ? 0 : 1]++);
        return tallies;
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** Answers by status (-1: the connection failed). */
    Map<Integer, Long> byStatus() {
        Map<Integer, Long> counts = new TreeMap<>();
        answers.forEach(answer -> counts.merge(answer.status(), 1L, Long::sum));
        return counts;
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
                    .localAddress(InetAddress.getByName("127.0.5." + address))
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
