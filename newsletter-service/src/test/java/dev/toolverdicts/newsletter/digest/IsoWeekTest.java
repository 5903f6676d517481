package dev.toolverdicts.newsletter.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolverdicts.problem.FieldProblem;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** ISO weeks across year boundaries, where the calendar year and the week-based year differ. */
class IsoWeekTest {

    @Test
    void aMondayMorningIsInItsOwnWeekAndTheIssueCoversTheWeekBefore() {
        IsoWeek week = IsoWeek.of(Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(week).hasToString("2026-W48");
        assertThat(week.start()).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(week.previous()).hasToString("2026-W47");
        assertThat(week.next()).hasToString("2026-W49");
    }

    @Test
    void yearBoundaries() {
        assertThat(IsoWeek.of(Instant.parse("2027-01-01T12:00:00Z"))).hasToString("2026-W53");
        assertThat(IsoWeek.parse("2026-W53", "w").next()).hasToString("2027-W01");
        assertThat(IsoWeek.parse("2027-W01", "w").previous()).hasToString("2026-W53");
        assertThat(IsoWeek.of(Instant.parse("2024-12-30T00:00:00Z"))).hasToString("2025-W01");
        assertThat(IsoWeek.parse("2025-W01", "w").start()).isEqualTo(Instant.parse("2024-12-30T00:00:00Z"));
    }

    @Test
    void parsingRejectsWeeksAYearDoesNotHave() {
        assertThatThrownBy(() -> IsoWeek.parse("2027-W53", "isoWeek")).isInstanceOf(FieldProblem.class)
                .hasMessageContaining("isoWeek");
        assertThatThrownBy(() -> IsoWeek.parse("2027-W00", "isoWeek")).isInstanceOf(FieldProblem.class);
        assertThatThrownBy(() -> IsoWeek.parse("W48", "isoWeek")).isInstanceOf(FieldProblem.class);
    }
}
