package dev.toolverdicts.benchmarks.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * RSS and PSS of the dev stack's processes from /proc, grouped by part: the launcher JVM and its children (services,
 * Kafka, mail sink) and the PostgreSQL postmaster with its backends. PSS shares pages fairly, so the PostgreSQL
 * backends' shared buffers are not counted once per backend as in the RSS sum.
 */
public final class ProcessMemory {

    /** One part's processes and memory in MB. */
    public record PartMemory(String part, int processes, double rssMb, double pssMb) {
    }

    private static final Pattern JAR = Pattern.compile("/target/(?:aot/app/)?([a-z-]+)\\.jar");

    private ProcessMemory() {
    }

    public static List<PartMemory> of(Path repoRoot) throws IOException {
        Map<Long, Long> parents = new HashMap<>();
        Map<Long, String> commands = new HashMap<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(entry.resolve("stat"));
                    String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    parents.put(Long.parseLong(name), Long.parseLong(afterName[1]));
                    commands.put(Long.parseLong(name), Files.readString(entry.resolve("cmdline")).replace('\0', ' '));
                } catch (IOException | RuntimeException gone) {
                    // the process ended while being listed
                }
            }
        }
        String root = repoRoot.toAbsolutePath().normalize().toString();
        Set<Long> roots = new HashSet<>();
        commands.forEach((pid, command) -> {
            boolean launcher = command.contains("dev.toolverdicts.devstack.DevStack")
                    && command.contains("-Ddevstack.repoRoot=" + root);
            boolean postmaster = command.startsWith(root + "/.dev-stack/runtime/postgres-binaries");
            if (launcher || postmaster) {
                roots.add(pid);
            }
        });
        Map<String, double[]> parts = new TreeMap<>();
        for (Long pid : commands.keySet()) {
            if (descendsFrom(pid, roots, parents)) {
                double[] sums = parts.computeIfAbsent(partOf(commands.get(pid)), p -> new double[3]);
                sums[0]++;
                sums[1] += kb(pid, "status", "VmRSS:") / 1024.0;
                sums[2] += kb(pid, "smaps_rollup", "Pss:") / 1024.0;
            }
        }
        List<PartMemory> memory = new ArrayList<>();
        parts.forEach((part, sums) -> memory.add(new PartMemory(part, (int) sums[0], round(sums[1]), round(sums[2]))));
        return memory;
    }

    private static boolean descendsFrom(long pid, Set<Long> roots, Map<Long, Long> parents) {
        for (long p = pid; p > 1; p = parents.getOrDefault(p, 0L)) {
            if (roots.contains(p)) {
                return true;
            }
        }
        return false;
    }

    static String partOf(String command) {
        if (command.contains("dev.toolverdicts.devstack.DevStack")) {
            return "dev-stack launcher";
        }
        if (command.contains("kafka.Kafka")) {
            return "kafka";
        }
        if (command.contains("greenmail")) {
            return "mail sink";
        }
        Matcher jar = JAR.matcher(command);
        if (jar.find()) {
            return jar.group(1);
        }
        return command.startsWith("postgres") || command.contains("/bin/postgres") ? "postgres" : "other";
    }

    private static long kb(long pid, String file, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), file))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
        return 0;
    }

    private static double round(double mb) {
        return Math.round(mb * 10) / 10.0;
    }
}
