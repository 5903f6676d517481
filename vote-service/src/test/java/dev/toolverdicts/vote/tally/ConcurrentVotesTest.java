package dev.toolverdicts.vote.tally;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.events.EventCodec;
import dev.toolverdicts.events.Topics;
import dev.toolverdicts.events.catalog.ToolStatus;
import dev.toolverdicts.events.vote.VoteTallyEvent;
import dev.toolverdicts.testsupport.TestJwts;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import dev.toolverdicts.vote.CatalogFeed;
import dev.toolverdicts.vote.VoteHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Many members voting on one tool at once: the tally, the ballots and the last published event all agree. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithKafka
@WithJwtIssuer
class ConcurrentVotesTest {

    private static final int MEMBERS = 1000;
    private static final int IN_FLIGHT = 64;
    private static final CatalogFeed CATALOG = new CatalogFeed();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void closeFeed() {
        CATALOG.close();
    }

    @Test
    void aThousandConcurrentVotesThenChangesAndRetractionsLeaveTheTallyExact() {
        VoteHttp api = new VoteHttp(port);
        UUID toolId = UUID.randomUUID();
        String slug = "popular-" + toolId.toString().substring(0, 8);
        CATALOG.tool(toolId, 1, slug, ToolStatus.PUBLISHED);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/votes/tools/" + slug + "/tally", null).statusCode() == 200);
        List<String> bearers = IntStream.range(0, MEMBERS)
                .mapToObj(i -> TestJwts.bearer("crowd-" + i, "MEMBER")).toList();

        long started = System.nanoTime();
        List<Integer> statuses = concurrently(IntStream.range(0, MEMBERS).mapToObj(i -> (Callable<Integer>) () ->
                api.vote("POST", slug, VoteHttp.body(i % 5 < 3 ? "SHIP" : "SKIP"), bearers.get(i),
                        "first-" + i).statusCode()).toList());
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("[measure] %d concurrent votes on one tool (%d in flight): %d ms, %.0f votes/s%n",
                MEMBERS, IN_FLIGHT, elapsedMillis, MEMBERS * 1000.0 / Math.max(1, elapsedMillis));

        assertThat(statuses).containsOnly(200);
        assertTally(api, slug, 600, 400, MEMBERS);

        List<Integer> changes = concurrently(IntStream.range(0, 300).mapToObj(i -> (Callable<Integer>) () -> i < 200
                ? api.vote("PUT", slug, VoteHttp.body("SKIP"), bearers.get(i * 5), null).statusCode()
                : api.vote("DELETE", slug, null, bearers.get((i - 200) * 5 + 1), null).statusCode()).toList());
        assertThat(changes).containsOnly(200, 204);
        assertTally(api, slug, 600 - 200 - 100, 400 + 200, MEMBERS + 300);

        List<VoteTallyEvent> events = CatalogFeed.records(Topics.VOTE_TALLY, toolId.toString(), MEMBERS + 300)
                .stream().map(record -> EventCodec.decode(record.value(), VoteTallyEvent.class)).toList();
        assertThat(events).extracting(VoteTallyEvent::version)
                .as("one event per change, in order, none lost or repeated")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, MEMBERS + 300).mapToObj(Long::valueOf).toList());
        VoteTallyEvent last = events.stream().max(Comparator.comparingLong(VoteTallyEvent::version)).orElseThrow();
        assertThat(last.ship()).isEqualTo(300);
        assertThat(last.skip()).isEqualTo(600);
        assertThat(last.flagged()).isEqualTo(api.tally(slug).get("flagged").asLong());
    }

    private void assertTally(VoteHttp api, String slug, long ship, long skip, long version) {
        JsonNode tally = api.tally(slug);
        assertThat(tally.get("ship").asLong()).as("ship").isEqualTo(ship);
        assertThat(tally.get("skip").asLong()).as("skip").isEqualTo(skip);
        assertThat(tally.get("version").asLong()).as("version").isEqualTo(version);
        JsonNode fromBallots = VoteHttp.JSON.readTree(jdbc.sql("""
                        select json_build_object(
                                 'ship', count(*) filter (where choice = 'SHIP' and not rejected),
                                 'skip', count(*) filter (where choice = 'SKIP' and not rejected),
                                 'flagged', count(*) filter (where flagged))::text
                          from ballot b join published_tool t on t.tool_id = b.tool_id where t.slug = ?""")
                .param(slug).query(String.class).single());
        assertThat(tally.get("ship").asLong()).isEqualTo(fromBallots.get("ship").asLong());
        assertThat(tally.get("skip").asLong()).isEqualTo(fromBallots.get("skip").asLong());
        assertThat(tally.get("flagged").asLong()).as("flagged").isEqualTo(fromBallots.get("flagged").asLong());
    }

    private static <T> List<T> concurrently(List<Callable<T>> calls) {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> futures = calls.stream().map(call -> pool.submit(() -> {
                inFlight.acquire();
                try {
                    return call.call();
                } finally {
                    inFlight.release();
                }
            })).toList();
            return futures.stream().map(ConcurrentVotesTest::join).toList();
        }
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
