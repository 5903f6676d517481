package dev.toolverdicts.benchmarks.stack;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which JVM mode the running dev stack's services were started in ({@code ./dev-stack.sh} quick start, or
 * {@code --perf}), from the {@code -Ddevstack.jvm=<mode>} marker on their command lines: every report says what it
 * measured.
 */
public final class StackJvmMode {

    private static final Pattern MARKER = Pattern.compile("-Ddevstack\\.jvm=(\\w+)");
    private static final Pattern JAR = Pattern.compile("/([a-z-]+)\\.jar");

    private StackJvmMode() {
    }

    /** "perf", "quick", "mixed: ..." or "unknown" (no marker: a stack started by an older launcher). */
    public static String detect() {
        List<String> modes = ProcessHandle.allProcesses()
                .map(process -> process.info().commandLine().orElse(""))
                .filter(command -> JAR.matcher(command).find() && command.contains("-Ddevstack.jvm="))
                .map(StackJvmMode::modeOf).flatMap(Optional::stream).distinct().sorted().toList();
        if (modes.isEmpty()) {
            return "unknown";
        }
        return modes.size() == 1 ? modes.getFirst() : "mixed: " + String.join(", ", modes);
    }

    static Optional<String> modeOf(String commandLine) {
        Matcher marker = MARKER.matcher(commandLine);
        return marker.find() ? Optional.of(marker.group(1)) : Optional.empty();
    }
}
