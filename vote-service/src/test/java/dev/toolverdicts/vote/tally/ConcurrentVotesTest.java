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
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Many members voting on one tool at once: the tally, the ballots and the last published event all agree, and the
 * batches of the ballot box leave one gapless version sequence in the outbox and on the topic.
 */
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
        long afterFirst = assertTally(api, slug, 600, 400);
        assertThat(afterFirst).as("one version per committed batch, at most one per vote")
                .isBetween(1L, (long) MEMBERS);

        List<Integer> changes = concurrently(IntStream.range(0, 300).mapToObj(i -> (Callable<Integer>) () -> i < 200
                ? api.vote("PUT", slug, VoteHttp.body("SKIP"), bearers.get(i * 5), null).statusCode()
                : api.vote("DELETE", slug, null, bearers.get((i - 200) * 5 + 1), null).statusCode()).toList());
        assertThat(changes).containsOnly(200, 204);
        long finalVersion = assertTally(api, slug, 600 - 200 - 100, 400 + 200);
        assertThat(finalVersion).isBetween(afterFirst + 1, afterFirst + 300);
        System.out.printf("[measure] %d votes and changes committed in %d batches (tally versions)%n",
                MEMBERS + 300, finalVersion);

        List<Long> outboxVersions = jdbc.sql("""
                        select (convert_from(payload, 'UTF8')::jsonb ->> 'version')::bigint from outbox_event
                         where message_key = ? order by id""")
                .param(toolId.toString()).query(Long.class).list();
        List<Long> oneSequence = LongStream.rangeClosed(1, finalVersion).boxed().toList();
        assertThat(outboxVersions).as("the outbox holds one event per version, in id order, no gaps, no repeats")
                .containsExactlyElementsOf(oneSequence);

        List<VoteTallyEvent> events = CatalogFeed.records(Topics.VOTE_TALLY, toolId.toString(), (int) finalVersion)
                .stream().map(record -> EventCodec.decode(record.value(), VoteTallyEvent.class)).toList();
        assertThat(events).extracting(VoteTallyEvent::version)
                .as("one event per change of the tally, in order, none lost or repeated")
                .containsExactlyElementsOf(oneSequence);
        VoteTallyEvent last = events.stream().max(Comparator.comparingLong(VoteTallyEvent::version)).orElseThrow();
        assertThat(last.ship()).isEqualTo(300);
        assertThat(last.skip()).isEqualTo(600);
        assertThat(last.flagged()).isEqualTo(api.tally(slug).get("flagged").asLong());
    }

    /** Checks the counts against the API and the ballots; returns the tally's version. */
    private long assertTally(VoteHttp api, String slug, long ship, long skip) {
        JsonNode tally = api.tally(slug);
        assertThat(tally.get("ship").asLong()).as("ship").isEqualTo(ship);
        assertThat(tally.get("skip").asLong()).as("skip").isEqualTo(skip);
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
        return tally.get("version").asLong();
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
