package dev.toolverdicts.benchmarks.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The report names the JVM mode from the marker the dev stack puts on every service's command line. */
class StackJvmModeTest {

    @Test
    void readsTheMarker() {
        assertThat(StackJvmMode.modeOf("java -Xmx768m -Ddevstack.jvm=perf -jar /r/gateway/target/gateway.jar"))
                .hasValue("perf");
        assertThat(StackJvmMode.modeOf("java -XX:TieredStopAtLevel=1 -Ddevstack.jvm=quick -jar x.jar")).hasValue("quick");
        assertThat(StackJvmMode.modeOf("java -jar /r/gateway/target/gateway.jar")).isEmpty();
    }
}
