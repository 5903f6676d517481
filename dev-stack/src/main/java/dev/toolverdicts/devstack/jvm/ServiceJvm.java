package dev.toolverdicts.devstack.jvm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM flags of each service process, by {@link JvmMode}. Quick start: small heaps and C1 only, because eight
 * JVMs share a laptop. Performance: the image's {@code JAVA_TOOL_OPTIONS} with the RAM percentages turned into heap
 * sizes of the service's Kubernetes memory limit (outside a container they would take a share of the whole
 * machine), and the collector the JVM picks in such a container.
 */
public final class ServiceJvm {

    static final List<String> QUICK_FLAGS = List.of(
            "-Xms64m", "-Xmx256m", "-Xss512k",
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:ReservedCodeCacheSize=64m",
            "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true", "--enable-native-access=ALL-UNNAMED");

    /**
     * Below this much memory (1792 MiB) the JVM does not consider itself on a server-class machine and picks
     * SerialGC; a container with the limits in deploy/k8s runs the service with it, so performance mode does too.
     */
    static final int SERVER_CLASS_MEMORY_MIB = 1792;

    private static final Pattern PERCENTAGE = Pattern.compile("-XX:(Max|Initial)RAMPercentage=(\\d+(?:\\.\\d+)?)");

    private final JvmMode mode;
    private final List<String> imageOptions;
    private final Path manifests;
    private final Map<String, List<String>> flags = new ConcurrentHashMap<>();

    private ServiceJvm(JvmMode mode, List<String> imageOptions, Path manifests) {
        this.mode = mode;
        this.imageOptions = List.copyOf(imageOptions);
        this.manifests = manifests;
    }

    public static ServiceJvm quickStart() {
        return new ServiceJvm(JvmMode.QUICK, List.of(), null);
    }

    /** Reads {@code docker/Dockerfile} and {@code deploy/k8s/base/services/} of the repository. */
    public static ServiceJvm performance(Path repoRoot) {
        return new ServiceJvm(JvmMode.PERF, ImageJvmOptions.of(repoRoot.resolve("docker/Dockerfile")),
                repoRoot.resolve("deploy/k8s/base/services"));
    }

    public static ServiceJvm of(JvmMode mode, Path repoRoot) {
        return mode == JvmMode.PERF ? performance(repoRoot) : quickStart();
    }

    public JvmMode mode() {
        return mode;
    }

    /** The flags before {@code -jar}, ending with the mode marker. */
    public List<String> flags(String service) {
        return flags.computeIfAbsent(service, this::compute);
    }

    private List<String> compute(String service) {
        List<String> result = new ArrayList<>();
        if (mode == JvmMode.QUICK) {
            result.addAll(QUICK_FLAGS);
        } else {
            result.addAll(performanceFlags(imageOptions, MemoryLimit.mebibytes(manifests, service)));
        }
        result.add(mode.markerFlag());
        return List.copyOf(result);
    }

    static List<String> performanceFlags(List<String> imageOptions, int limitMib) {
        List<String> result = new ArrayList<>();
        for (String option : imageOptions) {
            Matcher percentage = PERCENTAGE.matcher(option);
            if (percentage.matches()) {
                long mib = Math.round(limitMib * Double.parseDouble(percentage.group(2)) / 100);
                result.add((percentage.group(1).equals("Max") ? "-Xmx" : "-Xms") + mib + "m");
            } else {
                result.add(option);
            }
        }
        boolean collectorChosen = imageOptions.stream().anyMatch(o -> o.startsWith("-XX:+Use") && o.endsWith("GC"));
        if (!collectorChosen && limitMib < SERVER_CLASS_MEMORY_MIB) {
            result.add("-XX:+UseSerialGC");
        }
        return result;
    }
}
