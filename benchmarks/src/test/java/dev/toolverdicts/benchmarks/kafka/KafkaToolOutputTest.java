package dev.toolverdicts.benchmarks.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KafkaToolOutputTest {

    @Test
    void producerPerformanceTakesTheFinalSummary() {
        String output = """
                49968 records sent, 9993.6 records/sec (2.86 MB/sec), 215.7 ms avg latency, 533.0 ms max latency.
                100000 records sent, 49751.243781 records/sec (48.58 MB/sec), 215.66 ms avg latency, 533.00 ms max latency, 210 ms 50th, 397 ms 95th, 493 ms 99th, 528 ms 99.9th.
                """;

        ProducerPerformanceRun.Result result = ProducerPerformanceRun.parse(output);

        assertThat(result.records()).isEqualTo(100_000);
        assertThat(result.recordsPerSecond()).isEqualTo(49751.243781);
        assertThat(result.p50Ms()).isEqualTo(210);
        assertThat(result.p99Ms()).isEqualTo(493);
    }

    @Test
    void consumerPerformanceSeparatesTheGroupJoinFromTheFetch() {
        String output = "2026-11-25 01:50:00:000, 2026-11-25 01:50:03:500, 9.5, 2.7, 30000, 8571.4, 3012, 488, 19.4, 61475.4\n";

        ConsumerPerformanceRun.Result result = ConsumerPerformanceRun.parse(output);

        assertThat(result.messages()).isEqualTo(30_000);
        assertThat(result.fetchMillis()).isEqualTo(488);
        assertThat(result.totalMillis()).isEqualTo(3500);
    }
}
