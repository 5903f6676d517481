package dev.toolverdicts.web.reviewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.web.api.Revision;
import dev.toolverdicts.web.api.Share;
import dev.toolverdicts.web.api.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A reviewer's record counts only current calls, and agreement only where enough members voted one way. */
class ReviewerRecordTest {

    @Test
    void agreementCountsOnlyToolsWithEnoughVotesAndAMajority() {
        List<Verdict> verdicts = List.of(verdict("v1", "a", "SHIP", "CURRENT"), verdict("v2", "b", "SKIP", "CURRENT"),
                verdict("v3", "c", "SHIP", "CURRENT"), verdict("v4", "d", "SKIP", "CURRENT"),
                verdict("v5", "e", null, "WITHDRAWN"));
        Map<String, Share> community = Map.of(
                "a", share(7, 10),
                "b", share(7, 10),
                "c", share(9, 9),
                "d", share(5, 10),
                "e", share(10, 10));
        Map<String, List<Revision>> revisions = Map.of("v2", List.of(
                new Revision(1, "SUBMITTED", null, "SHIP", null, "t", null, "1", Instant.EPOCH),
                new Revision(2, "REVISED", "SHIP", "SKIP", "t", "u", "1", "2", Instant.EPOCH)));

        ReviewerRecord record = ReviewerRecord.of(verdicts, revisions, community, Map.of());

        assertThat(record.verdictsGiven()).isEqualTo(4);
        assertThat(record.shipRate()).isEqualTo("50%");
        assertThat(record.flips()).isEqualTo(1);
        assertThat(record.comparable()).as("c has 9 votes, d is a tie, e is withdrawn").isEqualTo(2);
        assertThat(record.agreed()).isEqualTo(1);
        assertThat(record.agreement()).isEqualTo("50%");
    }

    @Test
    void withoutVerdictsOrVotesTheFiguresSayDash() {
        ReviewerRecord record = ReviewerRecord.of(List.of(), Map.of(), Map.of(), Map.of());
        assertThat(record.shipRate()).isEqualTo("—");
        assertThat(record.agreement()).isEqualTo("—");
    }

    private static Share share(long ship, long total) {
        return new Share(ship, total, (int) (100 * ship / total), "", null);
    }

    private static Verdict verdict(String id, String tool, String call, String status) {
        return new Verdict(id, tool, "r", "Reviewer", "BUYER", call, "take", null, status, 1, 1, Instant.EPOCH);
    }
}
