package dev.toolverdicts.gateway.live;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** A gateway refuses to start with more streams than its connections or its heap can hold. */
class StreamBudgetTest {

    private static final DataSize PER_STREAM = DataSize.ofKilobytes(128);
    private static final long MB = 1024 * 1024;

    @Test
    void theDefaultsFitTheDevStacksSmallGateway() {
        assertThatCode(() -> new StreamBudget(256, 512, PER_STREAM, 256 * MB).check()).doesNotThrowAnyException();
    }

    @Test
    void streamsMustLeaveAQuarterOfTheConnectionsToOrdinaryRequests() {
        assertThatCode(() -> new StreamBudget(384, 512, PER_STREAM, 4096 * MB).check()).doesNotThrowAnyException();
        assertThatIllegalStateException().isThrownBy(() -> new StreamBudget(385, 512, PER_STREAM, 4096 * MB).check())
                .withMessageContaining("server.tomcat.max-connections (512)")
                .withMessageContaining("GATEWAY_MAX_CONNECTIONS to at least 514");
    }

    @Test
    void streamsMustFitInHalfTheHeap() {
        // the failure that was measured: 10,240 streams allowed in a 256 MB heap, out of memory at ~1,200
        assertThatIllegalStateException().isThrownBy(() -> new StreamBudget(10_240, 16_384, PER_STREAM, 256 * MB)
                .check()).withMessageContaining("half of the heap (256 MB)").withMessageContaining("-Xmx2561m");
        assertThatCode(() -> new StreamBudget(10_240, 16_384, PER_STREAM, 2561 * MB).check())
                .doesNotThrowAnyException();
        assertThatIllegalStateException().isThrownBy(() -> new StreamBudget(1_025, 2_048, PER_STREAM, 256 * MB)
                .check());
    }
}
