package dev.toolverdicts.devstack.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The service JVMs' flags in each mode, derived from the repository's own Dockerfile and Kubernetes limits. */
class JvmModeTest {

    /** The module runs its tests from dev-stack/, so the repository is one up. */
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @Test
    void quickStartStaysTheSmallC1Default() {
        List<String> flags = ServiceJvm.quickStart().flags("comparison-service");

        assertThat(flags).contains("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")
                .endsWith("-Ddevstack.jvm=quick");
    }

    @Test
    void performanceModeRunsTheImagesOptionsWithHeapsFromTheMemoryLimits() {
        ServiceJvm perf = ServiceJvm.performance(REPO);

        // comparison-service and the gateway have 1Gi limits, the others 768Mi; the image says Max 75%, Initial 25%
        assertThat(perf.flags("comparison-service")).contains("-Xmx768m", "-Xms256m", "-XX:+ExitOnOutOfMemoryError")
                .endsWith("-Ddevstack.jvm=perf");
        assertThat(perf.flags("gateway")).contains("-Xmx768m", "-Xms256m");
        assertThat(perf.flags("vote-service")).contains("-Xmx576m", "-Xms192m");
        for (String service : List.of("gateway", "catalog-service", "web")) {
            assertThat(perf.flags(service)).as(service + ": C2, no RAM share of the whole machine")
                    .noneMatch(flag -> flag.startsWith("-XX:TieredStopAtLevel"))
                    .noneMatch(flag -> flag.contains("RAMPercentage"));
        }
    }

    @Test
    void theHeapFollowsWhateverTheImageAndTheLimitSay() {
        List<String> flags = ServiceJvm.performanceFlags(
                List.of("-XX:MaxRAMPercentage=50", "-XX:InitialRAMPercentage=12.5", "-Dx=y"), 2048);

        assertThat(flags).containsExactly("-Xmx1024m", "-Xms256m", "-Dx=y");
        assertThat(ServiceJvm.performanceFlags(List.of("-XX:MaxRAMPercentage=75"), 1024))
                .as("below 1792 MiB the JVM in such a container picks SerialGC").contains("-XX:+UseSerialGC");
        assertThat(ServiceJvm.performanceFlags(List.of("-XX:+UseZGC"), 1024)).containsExactly("-XX:+UseZGC");
    }

    @Test
    void readsTheServiceStagesOptionsNotAnotherStages() {
        List<String> dockerfile = List.of(
                "FROM jdk AS build",
                "FROM jre AS demo-loader",
                "ENV JAVA_TOOL_OPTIONS=\"-XX:TieredStopAtLevel=1\" \\",
                "FROM jre AS service",
                "ENV JAVA_TOOL_OPTIONS=\"-XX:MaxRAMPercentage=75  -Da=b\" \\",
                "    HEALTH_PORT=8080");

        assertThat(ImageJvmOptions.parse(dockerfile, "Dockerfile")).containsExactly("-XX:MaxRAMPercentage=75", "-Da=b");
        assertThatThrownBy(() -> ImageJvmOptions.parse(dockerfile.subList(0, 3), "Dockerfile"))
                .hasMessageContaining("AS service");
    }

    @Test
    void readsTheLimitNotTheRequest() {
        List<String> manifest = List.of(
                "          resources:",
                "            requests:",
                "              cpu: \"500m\"",
                "              memory: 512Mi",
                "            limits:",
                "              memory: 2Gi");

        assertThat(MemoryLimit.parse(manifest, "x.yaml")).isEqualTo(2048);
        assertThatThrownBy(() -> MemoryLimit.parse(manifest.subList(0, 4), "x.yaml"))
                .hasMessageContaining("limits.memory");
    }
}
