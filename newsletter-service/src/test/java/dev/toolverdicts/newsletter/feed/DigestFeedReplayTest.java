package dev.toolverdicts.newsletter.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.consumers.ConsumerDispatcher;
import dev.toolverdicts.consumers.RegisteredConsumers;
import dev.toolverdicts.events.Topics;
import dev.toolverdicts.events.catalog.MatchupEvent;
import dev.toolverdicts.events.catalog.MatchupStatus;
import dev.toolverdicts.events.catalog.ToolEvent;
import dev.toolverdicts.events.catalog.ToolStatus;
import dev.toolverdicts.events.review.Lens;
import dev.toolverdicts.events.review.ShipOrSkip;
import dev.toolverdicts.events.review.VerdictEvent;
import dev.toolverdicts.events.review.VerdictStatus;
import dev.toolverdicts.events.vote.VoteTallyEvent;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A new consumer group (as on the upgrade to {@code newsletter-service.digest-feed}) replays every topic from its
 * earliest offset into a database that already holds it: that must change nothing and log no change twice.
 * Events go through the consumer's own dispatcher, the path every live record takes.
 */
@SpringBootTest(properties = "spring.kafka.listener.auto-startup=false")
@WithPostgres
@WithKafka
class DigestFeedReplayTest {

    private static final Instant MONDAY = Instant.parse("2030-01-07T09:00:00Z");
    private static final List<String> TABLES = List.of("feed_tool", "feed_matchup", "feed_verdict", "feed_tally",
            "tally_week", "feed_change");

    @Autowired
    RegisteredConsumers consumers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void replayingTheWholeHistoryAgainChangesNothingAndLogsNoChangeTwice() {
        ConsumerDispatcher feed = consumers.byPurpose(DigestFeedConsumer.PURPOSE).orElseThrow();
        List<Object> history = history();
        assertThat(history.stream().map(feed::apply).toList()).as("first delivery").containsOnly(true);
        String held = snapshot();
        assertThat(jdbc.sql("select count(*) from feed_change").query(Long.class).single())
                .as("new tool x2, new matchup, new verdict, flip, resubmitted verdict").isEqualTo(6);
        double staleBefore = stale();

        List<Boolean> replayed = history.stream().map(feed::apply).toList();

        assertThat(replayed).as("replay").containsOnly(false);
        assertThat(snapshot()).isEqualTo(held);
        assertThat(stale() - staleBefore).isEqualTo(history.size());
    }

    @Test
    void theFeedIsTheConsumerGroupNewsletterServiceDotDigestFeedOfTheFourTopics() {
        ConsumerDispatcher feed = consumers.byPurpose(DigestFeedConsumer.PURPOSE).orElseThrow();

        assertThat(feed.consumer().groupId("newsletter-service")).isEqualTo("newsletter-service.digest-feed");
        assertThat(feed.groupId()).endsWith(".digest-feed");
        assertThat(feed.topics()).containsExactly(Topics.CATALOG_MATCHUP, Topics.CATALOG_TOOL, Topics.REVIEW_VERDICT,
                Topics.VOTE_TALLY);
    }

    private static List<Object> history() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID matchup = UUID.randomUUID();
        UUID verdict = UUID.randomUUID();
        UUID reviewer = UUID.randomUUID();
        return List.of(
                tool(a, 1, "alpha", ToolStatus.DRAFT, MONDAY),
                tool(a, 2, "alpha", ToolStatus.PUBLISHED, MONDAY.plusSeconds(60)),
                tool(b, 1, "beta", ToolStatus.PUBLISHED, MONDAY.plusSeconds(120)),
                new MatchupEvent(matchup, 1, "alpha-vs-beta", a, "alpha", b, "beta", "Alpha or beta?",
                        MatchupStatus.DRAFT, null, MONDAY.plusSeconds(180)),
                new MatchupEvent(matchup, 2, "alpha-vs-beta", a, "alpha", b, "beta", "Alpha or beta?",
                        MatchupStatus.PUBLISHED, MONDAY.plusSeconds(240), MONDAY.plusSeconds(240)),
                verdict(verdict, reviewer, a, 1, ShipOrSkip.SHIP, VerdictStatus.SUBMITTED, MONDAY.plusSeconds(300)),
                verdict(verdict, reviewer, a, 2, ShipOrSkip.SKIP, VerdictStatus.SUBMITTED, MONDAY.plusSeconds(360)),
                verdict(verdict, reviewer, a, 3, null, VerdictStatus.WITHDRAWN, MONDAY.plusSeconds(420)),
                verdict(verdict, reviewer, a, 4, ShipOrSkip.SHIP, VerdictStatus.SUBMITTED, MONDAY.plusSeconds(480)),
                new VoteTallyEvent(a, 1, "alpha", 1, 0, 0, MONDAY.plusSeconds(540)),
                new VoteTallyEvent(a, 2, "alpha", 1, 1, 0, MONDAY.plusSeconds(600)),
                new VoteTallyEvent(a, 3, "alpha", 5, 1, 0, MONDAY.plusSeconds(8 * 24 * 3600)));
    }

    private static ToolEvent tool(UUID id, long version, String slug, ToolStatus status, Instant at) {
        return new ToolEvent(id, version, slug, slug.toUpperCase(), "Vendor", "Developer Tools", "A tagline", null,
                "Apache-2.0", status, at);
    }

    private static VerdictEvent verdict(UUID id, UUID reviewer, UUID tool, long version, ShipOrSkip call,
            VerdictStatus status, Instant at) {
        return new VerdictEvent(id, version, tool, "alpha", reviewer, "Ada", Lens.BUILDER, call,
                call == null ? null : "Take " + version, "model-1", status, (int) version, at);
    }

    private String snapshot() {
        StringBuilder all = new StringBuilder();
        for (String table : TABLES) {
            all.append(table).append(jdbc.sql("select * from " + table + " order by 1, 2").query().listOfRows())
                    .append('\n');
        }
        return all.toString();
    }

    private double stale() {
        return meters.find("events.consumed").tag("service", "newsletter-service").tag("outcome", "stale")
                .counters().stream().mapToDouble(Counter::count).sum();
    }
}
