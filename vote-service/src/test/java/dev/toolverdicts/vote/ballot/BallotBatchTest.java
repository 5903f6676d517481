package dev.toolverdicts.vote.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.events.catalog.ToolStatus;
import dev.toolverdicts.problem.FieldProblem;
import dev.toolverdicts.testsupport.TestJwts;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import dev.toolverdicts.vote.CatalogFeed;
import dev.toolverdicts.vote.VoteHttp;
import dev.toolverdicts.vote.idempotency.Answer;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** One transaction for many votes of a tool: a failing vote fails alone, the rest commit as one tally change. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithKafka
@WithJwtIssuer
class BallotBatchTest {

    private static final CatalogFeed CATALOG = new CatalogFeed();

    @LocalServerPort
    int port;

    @Autowired
    BallotBatch batch;

    @Autowired
    BallotService ballots;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    VoteHttp api;
    UUID toolId;
    String slug;

    @AfterAll
    static void closeFeed() {
        CATALOG.close();
    }

    @BeforeEach
    void aPublishedTool() {
        api = new VoteHttp(port);
        toolId = UUID.randomUUID();
        slug = "batch-" + toolId.toString().substring(0, 8);
        CATALOG.tool(toolId, 1, slug, ToolStatus.PUBLISHED);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/votes/tools/" + slug + "/tally", null).statusCode() == 200);
    }

    @Test
    void aVoteThatFailsAfterItsWritesFailsAloneAndTheOthersCommitAsOneChange() {
        BallotChange sqlError = tool -> {
            ballots.castChange(voter("carol"), Choice.SHIP, "carol-key").stage(tool);
            jdbc.sql("select 1 / 0").query(Integer.class).single();
            return null;
        };
        BallotChange refused = tool -> {
            ballots.castChange(voter("dave"), Choice.SKIP, null).stage(tool);
            throw new FieldProblem(HttpStatus.UNPROCESSABLE_CONTENT, "vote", "refused after writing");
        };

        List<BallotBatch.Outcome> outcomes = batch.run(slug, List.of(
                ballots.castChange(voter("alice"), Choice.SHIP, "alice-key"), sqlError,
                ballots.castChange(voter("bob"), Choice.SKIP, null), refused));

        assertThat(outcomes.get(1).failure()).isInstanceOf(DataAccessException.class);
        assertThat(outcomes.get(3).failure()).isInstanceOf(FieldProblem.class);
        VoteResponse alice = (VoteResponse) outcomes.get(0).answer().body();
        VoteResponse bob = (VoteResponse) outcomes.get(2).answer().body();
        assertThat(alice.vote()).isEqualTo(Choice.SHIP);
        assertThat(bob.vote()).isEqualTo(Choice.SKIP);
        assertThat(List.of(alice.tally(), bob.tally())).as("both answered with the tally they committed in")
                .allSatisfy(tally -> {
                    assertThat(tally.ship()).isEqualTo(1);
                    assertThat(tally.skip()).isEqualTo(1);
                    assertThat(tally.version()).isEqualTo(1);
                });
        assertThat(jdbc.sql("select member_id from ballot where tool_id = ? order by member_id").param(toolId)
                .query(String.class).list()).as("nothing of the failed votes stays").containsExactly("alice", "bob");
        assertThat(jdbc.sql("select count(*) from member where member_id in ('carol', 'dave')").query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("select count(*) from idempotent_request where member_id = 'carol'").query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("select count(*) from outbox_event where message_key = ?").param(toolId.toString())
                .query(Long.class).single()).as("one event for the batch").isEqualTo(1);
        JsonNode tally = api.tally(slug);
        assertThat(tally.get("ship").asLong()).isEqualTo(1);
        assertThat(tally.get("skip").asLong()).isEqualTo(1);
        assertThat(tally.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void aRetryOfABatchedVoteReturnsTheAnswerStoredWithIt() {
        List<BallotBatch.Outcome> first = batch.run(slug, List.of(
                ballots.castChange(voter("erin"), Choice.SHIP, "erin-key"),
                ballots.castChange(voter("frank"), Choice.SHIP, null)));
        Answer<?> answer = first.getFirst().answer();

        List<BallotBatch.Outcome> retried = batch.run(slug, List.of(
                ballots.castChange(voter("erin"), Choice.SHIP, "erin-key")));

        assertThat(retried.getFirst().answer().replayed()).isTrue();
        assertThat(retried.getFirst().answer().body()).isEqualTo(answer.body());
        assertThat(((VoteResponse) answer.body()).tally().ship()).as("the stored answer shows its batch").isEqualTo(2);
        assertThat(api.tally(slug).get("version").asLong()).as("a replay changes nothing").isEqualTo(1);
    }

    @Test
    void oneMembersConcurrentChangesAreAppliedOneAfterAnother() throws Exception {
        String bearer = TestJwts.bearer("grace", "MEMBER");
        List<HttpResponse<String>> answers;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<String>>> calls = IntStream.range(0, 30).mapToObj(i -> pool.submit(() -> i % 3 == 2
                    ? api.vote("DELETE", slug, null, bearer, null)
                    : api.vote("PUT", slug, VoteHttp.body(i % 3 == 0 ? "SHIP" : "SKIP"), bearer, null))).toList();
            answers = calls.stream().map(BallotBatchTest::join).toList();
        }
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 204);
        JsonNode tally = api.tally(slug);
        long ballotsHeld = jdbc.sql("select count(*) from ballot where tool_id = ?").param(toolId).query(Long.class)
                .single();
        assertThat(tally.get("ship").asLong() + tally.get("skip").asLong()).isEqualTo(ballotsHeld);
        String held = jdbc.sql("select coalesce(max(choice), 'NONE') from ballot where tool_id = ?").param(toolId)
                .query(String.class).single();
        assertThat(tally.get("ship").asLong()).isEqualTo(held.equals("SHIP") ? 1 : 0);
        assertThat(tally.get("skip").asLong()).isEqualTo(held.equals("SKIP") ? 1 : 0);
    }

    @Test
    void aFirstBallotCommittedMeanwhileByAnotherInstanceIsChangedNotCountedTwice() throws Exception {
        jdbc.sql("insert into member (member_id, first_seen_at) values ('henry', now() - interval '1 day')").update();
        Future<Answer<VoteResponse>> vote;
        try (Connection otherInstance = dataSource.getConnection();
                var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            otherInstance.setAutoCommit(false);
            try (Statement sql = otherInstance.createStatement()) {
                sql.executeUpdate("insert into ballot (tool_id, member_id, choice, cast_at, updated_at) values ('"
                        + toolId + "', 'henry', 'SHIP', now(), now())");
                sql.executeUpdate("update tally set ship = ship + 1, version = version + 1 where tool_id = '"
                        + toolId + "'");
            }
            vote = pool.submit(() -> ballots.cast(voter("henry"), slug, Choice.SKIP, null));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                            select count(*) from pg_stat_activity
                             where wait_event_type = 'Lock' and query like 'insert into ballot%'""")
                    .query(Long.class).single() > 0);
            otherInstance.commit();
            assertThat(vote.get().body().vote()).isEqualTo(Choice.SKIP);
        }
        JsonNode tally = api.tally(slug);
        assertThat(tally.get("ship").asLong()).as("henry's SHIP became his SKIP").isZero();
        assertThat(tally.get("skip").asLong()).isEqualTo(1);
    }

    private static Voter voter(String member) {
        return new Voter(member, null);
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
