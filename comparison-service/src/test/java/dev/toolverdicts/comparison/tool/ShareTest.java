package dev.toolverdicts.comparison.tool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShareTest {

    @ParameterizedTest
    @CsvSource({"3,4,75,75% · 3 of 4", "4,4,100,100% · 4 of 4", "1,3,33,33% · 1 of 3", "2,3,67,67% · 2 of 3",
            "1,8,13,13% · 1 of 8", "0,5,0,0% · 0 of 5", "1,200,1,1% · 1 of 200"})
    void roundsHalfUpToAWholePercent(long ship, long total, int percent, String display) {
        assertThat(Share.of(ship, total).percent()).isEqualTo(percent);
        assertThat(Share.of(ship, total).display()).isEqualTo(display);
    }

    @org.junit.jupiter.api.Test
    void noAnswersIsNoData() {
        Share none = Share.of(0, 0);
        assertThat(none.percent()).isNull();
        assertThat(none.display()).isEqualTo("—");
    }
}
