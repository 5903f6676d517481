package dev.toolverdicts.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void printsFewDigits() {
        assertThat(Numbers.value(12345.6)).isEqualTo("12,346");
        assertThat(Numbers.value(437.2)).isEqualTo("437");
        assertThat(Numbers.value(26.69)).isEqualTo("26.7");
        assertThat(Numbers.value(0.764)).isEqualTo("0.76");
        assertThat(Numbers.ratio(0.2491)).isEqualTo("0.25×");
    }
}
