package dev.toolverdicts.devstack.jvm;

import java.util.Locale;

/**
 * How the dev stack runs each service's JVM: {@link #QUICK} (the default) starts fast on a laptop, {@link #PERF}
 * runs what the container image runs, so benchmarks measure the product as deployed.
 */
public enum JvmMode {

    /** C1 only, small heaps, SerialGC: eight JVMs start quickly side by side. */
    QUICK,
    /** The image's {@code JAVA_TOOL_OPTIONS} (C2), heaps from the Kubernetes memory limits. */
    PERF;

    /** The system property every service JVM gets, so a benchmark can tell which mode it measured. */
    public static final String MARKER_PROPERTY = "devstack.jvm";

    public String marker() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code -Ddevstack.jvm=quick} or {@code -Ddevstack.jvm=perf}. */
    public String markerFlag() {
        return "-D" + MARKER_PROPERTY + "=" + marker();
    }
}
