package dev.toolverdicts.vote.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.events.catalog.ToolStatus;
import dev.toolverdicts.problem.FieldProblem;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import dev.toolverdicts.vote.CatalogFeed;
import dev.toolverdicts.vote.StatementCounter;
import dev.toolverdicts.vote.VoteHttp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * What a batch of votes sends to PostgreSQL, counted by a listener on the DataSource (not by time): a bounded number
 * of statements whatever the batch's size, not a few per vote.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(StatementCounter.Config.class)
@WithPostgres
@WithKafka
@WithJwtIssuer
class BallotBatchStatementsTest {

    private static final CatalogFeed CATALOG = new CatalogFeed();
    private static final int MEMBERS = 30;

    @LocalServerPort
    int port;

    @Autowired
    BallotBatch batch;

    @Autowired
    BallotService ballots;

    VoteHttp api;
    String slug;

    @AfterAll
    static void closeFeed() {
        CATALOG.close();
    }

    @BeforeEach
    void aPublishedToolWithKnownMembers() {
        api = new VoteHttp(port);
        UUID toolId = UUID.randomUUID();
        slug = "count-" + toolId.toString().substring(0, 8);
        CATALOG.tool(toolId, 1, slug, ToolStatus.PUBLISHED);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/votes/tools/" + slug + "/tally", null).statusCode() == 200);
        // members seen before (their first batch inserts them, the next one reads them once): only ballots are left
        batch.run(slug, casts(0, MEMBERS, Choice.SHIP));
        batch.run(slug, casts(0, MEMBERS, Choice.SKIP));
    }

    @Test
    void aBatchOfFlipsOfKnownMembersTakesAFewStatementsNotSomePerVote() {
        StatementCounter.Counted<List<BallotBatch.Outcome>> flips = StatementCounter.count(
                () -> batch.run(slug, casts(0, MEMBERS, Choice.SHIP)));

        System.out.printf("[measure] a batch of %d flips sent %d statements: %s%n", MEMBERS, flips.sent().size(),
                flips.sent());
        assertThat(flips.result()).allSatisfy(outcome -> assertThat(outcome.failure()).isNull());
        // tool, the ballots read, the ballots written, the tally, the outbox, the commit
        assertThat(flips.sent()).hasSizeLessThanOrEqualTo(6);
        assertTally(MEMBERS, 0, 3);
    }

    @Test
    void aBatchOfVotesWithIdempotencyKeysClaimsAndStoresThemInOneStatementEach() {
        List<BallotChange> keyed = IntStream.range(0, MEMBERS)
                .mapToObj(i -> ballots.castChange(voter(i), Choice.SHIP, "key-" + i)).toList();
        StatementCounter.Counted<List<BallotBatch.Outcome>> flips = StatementCounter.count(
                () -> batch.run(slug, keyed));

        System.out.printf("[measure] a batch of %d flips with keys sent %d statements%n", MEMBERS,
                flips.sent().size());
        assertThat(flips.result()).allSatisfy(outcome -> assertThat(outcome.failure()).isNull());
        // the keys claimed, the six of a batch, the answers stored (one JDBC batch)
        assertThat(flips.sent()).hasSizeLessThanOrEqualTo(8);
        assertTally(MEMBERS, 0, 3);

        List<BallotBatch.Outcome> replayed = batch.run(slug, IntStream.range(0, MEMBERS)
                .mapToObj(i -> ballots.castChange(voter(i), Choice.SHIP, "key-" + i)).toList());
        assertThat(replayed).allSatisfy(outcome -> assertThat(outcome.answer().replayed()).isTrue());
        assertThat(replayed.getFirst().answer().body()).isEqualTo(flips.result().getFirst().answer().body());
        assertThat(batch.run(slug, List.of(ballots.castChange(voter(0), Choice.SKIP, "key-0"))).getFirst().failure())
                .as("the same key for another request").isInstanceOf(FieldProblem.class);
        assertTally(MEMBERS, 0, 3);
    }

    @Test
    void aBatchOfChangesRetractionsAndNewBallotsTakesOneStatementPerKind() {
        List<BallotChange> changes = new java.util.ArrayList<>(casts(0, 10, Choice.SHIP));
        IntStream.range(10, 20).forEach(i -> changes.add(ballots.retractChange(voter(i), null)));
        StatementCounter.Counted<List<BallotBatch.Outcome>> mixed = StatementCounter.count(
                () -> batch.run(slug, changes));

        System.out.printf("[measure] a batch of 10 changes and 10 retractions sent %d statements: %s%n",
                mixed.sent().size(), mixed.sent());
        assertThat(mixed.result()).allSatisfy(outcome -> assertThat(outcome.failure()).isNull());
        // tool, the ballots read, changed ones written, retracted ones deleted, the tally, the outbox, the commit
        assertThat(mixed.sent()).hasSizeLessThanOrEqualTo(7);
        assertTally(10, MEMBERS - 20, 3);

        StatementCounter.Counted<List<BallotBatch.Outcome>> again = StatementCounter.count(
                () -> batch.run(slug, casts(10, 20, Choice.SKIP)));
        System.out.printf("[measure] a batch of 10 new ballots of known members sent %d statements%n",
                again.sent().size());
        assertThat(again.sent()).hasSizeLessThanOrEqualTo(6);
        assertTally(10, MEMBERS - 10, 4);
    }

    private List<BallotChange> casts(int from, int to, Choice choice) {
        return IntStream.range(from, to).mapToObj(i -> ballots.castChange(voter(i), choice, null)).toList();
    }

    private Voter voter(int i) {
        // an old account: the burst detector watches new ones only
        return new Voter(slug + "-m" + i, java.time.Instant.parse("2020-01-01T00:00:00Z"));
    }

    private void assertTally(long ship, long skip, long version) {
        JsonNode tally = api.tally(slug);
        assertThat(tally.get("ship").asLong()).as("ship").isEqualTo(ship);
        assertThat(tally.get("skip").asLong()).as("skip").isEqualTo(skip);
        assertThat(tally.get("version").asLong()).as("one version per batch").isEqualTo(version);
    }
}
